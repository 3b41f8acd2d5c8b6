// The audit log cannot be forged through LockScope's audit function. A role
// without INSERT on lockscope_audit (the read-only role here) may record its own
// refused actions -- that is what the function is for -- but not a success, not
// an action LockScope does not record, and not a row that names someone else:
// the outcome is always "refused" and the identities come from the session.
#include "support/lockctlprocess.h"
#include "support/testdb.h"

#include "db/database.h"

#include <QSqlQuery>
#include <QTest>

using namespace lockscope;
using test::LockctlProcess;

namespace {

struct Row {
    QString action, dbUser, osUser, osHost, tool, outcome, target;
};

QList<Row> auditRows(const ConnectionParams &owner) {
    ScopedConnection conn(owner, QStringLiteral("audit"));
    QSqlQuery q(conn.db());
    QList<Row> rows;
    if (!q.exec(QStringLiteral("SELECT action, db_user, os_user, os_host, tool, outcome, target "
                               "FROM lockscope_audit ORDER BY id")))
        return rows;
    while (q.next()) {
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                     q.value(6).toString()});
    }
    return rows;
}

} // namespace

class TestAuditForgery final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plainRoleCannotForgeAuditRows() {
        QString why;
        const auto owner = test::TestDb::freshPostgres(&why);
        if (!owner)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const auto plain = test::TestDb::readOnlyRole(*owner, &why);
        if (!plain)
            LOCKSCOPE_SKIP_OR_FAIL(why);

        // A success row, naming another OS user and host, through the function
        // of migration 0005 (PUBLIC, SECURITY DEFINER): refused.
        QString error;
        QVERIFY(!test::TestDb::exec(
            *plain,
            QStringLiteral("SELECT lockscope_audit_record('alice', 'alices-laptop', 'lockctl', "
                           "'force-release', 'payroll/run', 'tok', 'released', NULL)"),
            &error));
        // Directly: no INSERT privilege.
        QVERIFY(!test::TestDb::exec(
            *plain,
            QStringLiteral("INSERT INTO lockscope_audit (db_user, os_user, os_host, tool, action, "
                           "target, outcome) VALUES ('lockscope', 'alice', 'h', 'lockctl', "
                           "'sweep', 'expired leases', 'removed 5')"),
            &error));
        QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
        // Through the refusal function: an action LockScope does not record.
        QVERIFY(!test::TestDb::exec(*plain,
                                    QStringLiteral("SELECT lockscope_audit_refusal('lockctl', "
                                                   "'delete-everything', 'k', NULL, NULL)"),
                                    &error));
        QVERIFY2(error.contains(QLatin1String("is not an action LockScope records")),
                 qPrintable(error));
        QVERIFY(auditRows(*owner).isEmpty());

        // What it may do: record a refusal, as itself, from where it connected.
        QVERIFY2(test::TestDb::exec(*plain,
                                    QStringLiteral("SELECT lockscope_audit_refusal('lockctl', "
                                                   "'sweep', 'expired leases', NULL, 'denied')"),
                                    &error),
                 qPrintable(error));
        // Refusals of real actions are still recorded (AuditLog falls back to the function).
        QVERIFY(test::TestDb::exec(
            *owner,
            QStringLiteral("INSERT INTO aggregate_locks VALUES ('k', 't', 1, 4102444800)")));
        const auto refused = LockctlProcess::run(
            test::TestDb::urlFor(*plain),
            {QStringLiteral("release"), QStringLiteral("k"), QStringLiteral("--force")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(!refused.err.contains(QLatin1String("not recorded")), qPrintable(refused.err));

        const QList<Row> rows = auditRows(*owner);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).action, QStringLiteral("sweep"));
        QCOMPARE(rows.at(1).action, QStringLiteral("force-release-unconditional"));
        QCOMPARE(rows.at(1).target, QStringLiteral("k"));
        for (const Row &row : rows) {
            QCOMPARE(row.outcome, QStringLiteral("refused"));
            QCOMPARE(row.dbUser, QStringLiteral("lockscope_ro")); // the session's login
            QCOMPARE(row.osUser, QString()); // the server cannot know it; nobody may claim it
            QVERIFY2(row.osHost == QLatin1String("127.0.0.1") ||
                         row.osHost == QLatin1String("::1") || row.osHost == QLatin1String("local"),
                     qPrintable(row.osHost)); // where the connection came from
            QCOMPARE(row.tool, QStringLiteral("lockctl"));
        }
    }
};

QTEST_GUILESS_MAIN(TestAuditForgery)
#include "tst_auditforgery.moc"
