// `lockctl list` as a read-only role that may read the lease tables
// (aggregate_locks, lockscope_fences) but not the tables of semaphores and reader-writer leases
// (issue 15 review), on real PostgreSQL with a role created by the test: the leases are listed
// (text and JSON, exit 0, JSON still valid on stdout) and one line on stderr names the tables it
// cannot read and the GRANT that would show them. Granting them shows the semaphores and silences
// the warning. Before this, the whole list failed with "permission denied" -- the control below
// shows the tables are really unreadable for the role.
//
// The same for a role that may read aggregate_locks but not lockscope_fences: the leases are listed
// with "fence": null, and one warning names lockscope_fences and its GRANT.
#include "db/database.h"
#include "lease/leasemanager.h"
#include "support/limitedrole.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace lockscope;
using lockscope::test::LockctlProcess;
using namespace std::chrono_literals;

namespace {

const QString kKinds = QStringLiteral("lockscope_lock_kinds");
const QString kSlots = QStringLiteral("lockscope_semaphore_slots");
const QString kRw = QStringLiteral("lockscope_rw_holders");
const QString kFences = QStringLiteral("lockscope_fences");
const QString kLeases = QStringLiteral("aggregate_locks");

// The JSON row of `key`, or an empty object.
QJsonObject rowOf(const QJsonArray &array, const QString &key) {
    for (const QJsonValue &v : array)
        if (v.toObject().value(QStringLiteral("lock_key")).toString() == key)
            return v.toObject();
    return {};
}

QStringList warningLines(const QString &err) {
    return err.trimmed().isEmpty() ? QStringList() : err.trimmed().split(QLatin1Char('\n'));
}

QStringList kindsOf(const QJsonArray &array) {
    QStringList kinds;
    for (const QJsonValue &v : array)
        kinds << v.toObject().value(QStringLiteral("kind")).toString() + QLatin1Char(':') +
                     v.toObject().value(QStringLiteral("lock_key")).toString();
    kinds.sort();
    return kinds;
}

} // namespace

class TestCliListGrants final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listWithoutTheKindTables() {
        QString why;
        const auto p = test::TestDb::freshPostgres(&why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager manager(*p);
        auto lease = manager.tryLock(QStringLiteral("plain/one"));
        QVERIFY(lease.ok());
        auto permit = manager.acquireSemaphore(QStringLiteral("jobs/sem"), 2, 0ms);
        QVERIFY(permit.ok());
        auto reader = manager.acquireRead(QStringLiteral("cfg/rw"), 0ms);
        QVERIFY(reader.ok());

        // The lease tables: aggregate_locks and its fences (the lease list
        // reads the fence column when the table exists).
        test::LimitedRole role(
            *p, {QStringLiteral("aggregate_locks"), QStringLiteral("lockscope_fences")});
        QVERIFY2(role.ok(), qPrintable(role.error()));
        const QString url = test::TestDb::urlFor(role.params());
        {
            // The control: the role really may not read the kinds.
            ScopedConnection conn(role.params(), QStringLiteral("grants-control"));
            QVERIFY2(conn.ok(), qPrintable(conn.ok() ? QString() : conn.error().message));
            QSqlQuery q(conn.db());
            QVERIFY(!q.exec(QStringLiteral("SELECT count(*) FROM lockscope_lock_kinds")));
            QVERIFY(q.lastError().text().contains(QLatin1String("permission denied")));
        }

        const auto json =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        QJsonParseError parse{};
        const QJsonDocument doc = QJsonDocument::fromJson(json.out.toUtf8(), &parse);
        QVERIFY2(parse.error == QJsonParseError::NoError, qPrintable(json.out));
        QVERIFY(doc.isArray());
        QCOMPARE(kindsOf(doc.array()), QStringList{QStringLiteral("lease:plain/one")});
        const QStringList warnings = json.err.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().startsWith(QLatin1String("lockctl: warning: ")),
                 qPrintable(json.err));
        for (const QString &t : {kKinds, kSlots, kRw})
            QVERIFY2(warnings.first().contains(t), qPrintable(json.err));
        QVERIFY2(warnings.first().contains(QStringLiteral("GRANT SELECT ON %1, %2, %3 TO %4")
                                               .arg(kKinds, kSlots, kRw, role.name())),
                 qPrintable(json.err));

        const auto text = LockctlProcess::run(url, {QStringLiteral("list")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QLatin1String("plain/one")), qPrintable(text.out));
        QVERIFY(!text.out.contains(QLatin1String("jobs/sem")));
        QCOMPARE(text.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY(text.err.contains(kKinds));

        // Part of the grant: the warning names only what is still missing.
        QVERIFY(role.grant({kKinds}));
        const auto partial =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(partial.exitCode, 0);
        QVERIFY2(!partial.err.contains(QLatin1String("lockscope_lock_kinds,")),
                 qPrintable(partial.err));
        QVERIFY2(partial.err.contains(QStringLiteral("GRANT SELECT ON %1, %2 TO").arg(kSlots, kRw)),
                 qPrintable(partial.err));

        // The whole grant: semaphores and reader-writer keys listed, no warning.
        QVERIFY(role.grant({kSlots, kRw}));
        const auto full =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(full.exitCode, 0);
        QVERIFY2(full.err.trimmed().isEmpty(), qPrintable(full.err));
        QCOMPARE(kindsOf(QJsonDocument::fromJson(full.out.toUtf8()).array()),
                 (QStringList{QStringLiteral("lease:plain/one"), QStringLiteral("rw:cfg/rw"),
                              QStringLiteral("semaphore:jobs/sem")}));
    }

    // A role granted the lease table and the kinds' tables, not the fences:
    // every lease is listed (exit 0), its "fence" null as for a row without a
    // fence, and one warning names lockscope_fences and the GRANT. Granted
    // aggregate_locks alone, it gets the leases too, with one warning for the
    // fences and one for the kinds' tables. Before this, the list failed with
    // "permission denied"; the control shows the table is really refused.
    void listWithoutTheFences() {
        QString why;
        const auto p = test::TestDb::freshPostgres(&why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager manager(*p);
        auto lease = manager.tryLock(QStringLiteral("plain/one"));
        QVERIFY(lease.ok());
        QVERIFY(lease->fence().has_value());
        auto permit = manager.acquireSemaphore(QStringLiteral("jobs/sem"), 2, 0ms);
        QVERIFY(permit.ok());

        test::LimitedRole role(*p, {kLeases, kKinds, kSlots, kRw});
        QVERIFY2(role.ok(), qPrintable(role.error()));
        const QString url = test::TestDb::urlFor(role.params());
        {
            // The control: the role really may not read the fences.
            ScopedConnection conn(role.params(), QStringLiteral("fences-control"));
            QVERIFY2(conn.ok(), qPrintable(conn.ok() ? QString() : conn.error().message));
            QSqlQuery q(conn.db());
            QVERIFY(!q.exec(QStringLiteral("SELECT count(*) FROM lockscope_fences")));
            QVERIFY(q.lastError().text().contains(QLatin1String("permission denied")));
        }
        const QString grant = QStringLiteral("GRANT SELECT ON %1 TO %2;").arg(kFences, role.name());

        const auto json =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        QJsonParseError parse{};
        const QJsonDocument doc = QJsonDocument::fromJson(json.out.toUtf8(), &parse);
        QVERIFY2(parse.error == QJsonParseError::NoError, qPrintable(json.out));
        QCOMPARE(kindsOf(doc.array()), (QStringList{QStringLiteral("lease:plain/one"),
                                                    QStringLiteral("semaphore:jobs/sem")}));
        const QJsonObject row = rowOf(doc.array(), QStringLiteral("plain/one"));
        QVERIFY(row.contains(QStringLiteral("fence")));
        QVERIFY(row.value(QStringLiteral("fence")).isNull());
        QCOMPARE(row.value(QStringLiteral("owner_token")).toString(), lease->token());
        QCOMPARE(row.value(QStringLiteral("state")).toString(), QStringLiteral("held"));
        const QStringList warnings = warningLines(json.err);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().startsWith(QLatin1String("lockctl: warning: ")),
                 qPrintable(json.err));
        QVERIFY2(warnings.first().contains(grant), qPrintable(json.err));

        const auto text = LockctlProcess::run(url, {QStringLiteral("list")});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QLatin1String("plain/one")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QLatin1String("jobs/sem")), qPrintable(text.out));
        QCOMPARE(warningLines(text.err).size(), 1);
        QVERIFY2(text.err.contains(grant), qPrintable(text.err));

        // aggregate_locks alone: the leases, one warning per group of tables.
        test::LimitedRole bare(*p, {kLeases});
        QVERIFY2(bare.ok(), qPrintable(bare.error()));
        const auto alone = LockctlProcess::run(test::TestDb::urlFor(bare.params()),
                                               {QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(alone.exitCode == 0, qPrintable(alone.err));
        QCOMPARE(kindsOf(QJsonDocument::fromJson(alone.out.toUtf8()).array()),
                 QStringList{QStringLiteral("lease:plain/one")});
        const QStringList both = warningLines(alone.err);
        QCOMPARE(both.size(), 2);
        QVERIFY2(both.at(0).contains(
                     QStringLiteral("GRANT SELECT ON %1 TO %2;").arg(kFences, bare.name())),
                 qPrintable(alone.err));
        QVERIFY2(both.at(1).contains(kKinds), qPrintable(alone.err));

        // The grant: the fence is shown, no warning.
        QVERIFY(role.grant({kFences}));
        const auto full =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(full.exitCode, 0);
        QVERIFY2(full.err.trimmed().isEmpty(), qPrintable(full.err));
        const QJsonObject fenced =
            rowOf(QJsonDocument::fromJson(full.out.toUtf8()).array(), QStringLiteral("plain/one"));
        QCOMPARE(fenced.value(QStringLiteral("fence")).toInteger(), *lease->fence());
    }
};

QTEST_GUILESS_MAIN(TestCliListGrants)
#include "tst_clilistgrants.moc"
