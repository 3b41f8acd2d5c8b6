// Sweep and force-release, as the operator runs them, with the audit trail.
#include "admin/adminactions.h"
#include "admin/auditlog.h"
#include "base/canceltoken.h"
#include "base/globpattern.h"
#include "db/database.h"
#include "lease/leasemanager.h"
#include "lease/leasequeries.h"
#include "support/testdb.h"

#include <QSqlQuery>
#include <QTest>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

void insertLease(const ConnectionParams &p, const QString &key, const QString &token,
                 int expiresInSeconds) {
    QString error;
    const bool ok = test::TestDb::exec(
        p,
        QStringLiteral(
            "INSERT INTO aggregate_locks (lock_key, owner_token, acquired_at, expires_at) "
            "VALUES ('%1', '%2', %3 - 60, %3 + %4)")
            .arg(key, token, Database::nowSql(p.driver))
            .arg(expiresInSeconds),
        &error);
    if (!ok)
        qFatal("insert failed: %s", qPrintable(error));
}

QStringList keys(const ConnectionParams &p) {
    ScopedConnection conn(p, QStringLiteral("keys"));
    auto snap = LeaseQueries::snapshot(conn.db(), p);
    QStringList list;
    for (const auto &row : std::as_const(snap->rows))
        list << row.key;
    return list;
}

QList<AuditEntry> audit(const ConnectionParams &p) {
    ScopedConnection conn(p, QStringLiteral("audit"));
    auto entries = AuditLog::recent(conn.db(), p, 100);
    return entries.ok() ? entries.value() : QList<AuditEntry>();
}

} // namespace

class TestAdminActions final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sweepRemovesOnlyExpiredInBatches_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void sweepRemovesOnlyExpiredInBatches() {
        LOCKSCOPE_FRESH_DB(params);
        for (int i = 0; i < 5; ++i)
            insertLease(params, QStringLiteral("dead%1").arg(i), QStringLiteral("t"), -10 - i);
        for (int i = 0; i < 3; ++i)
            insertLease(params, QStringLiteral("live%1").arg(i), QStringLiteral("t"), 300);

        auto dry = AdminActions::sweep(params, 2, true, QStringLiteral("test"));
        QVERIFY(dry.ok());
        QCOMPARE(dry->count, 5);
        QCOMPARE(keys(params).size(), 8); // a dry run removes nothing

        QList<qint64> progress;
        auto swept = AdminActions::sweep(params, 2, false, QStringLiteral("test"), nullptr,
                                         [&](qint64 n) { progress << n; });
        QVERIFY2(swept.ok(), qPrintable(swept.ok() ? QString() : swept.error().message));
        QCOMPARE(swept->count, 5);
        QCOMPARE(swept->batches, 3); // 2 + 2 + 1: all that was expired at the start
        QCOMPARE(progress, (QList<qint64>{2, 4, 5}));
        QCOMPARE(swept->skipped, 0);
        QVERIFY(swept->audited);
        QCOMPARE(keys(params), (QStringList{QStringLiteral("live0"), QStringLiteral("live1"),
                                            QStringLiteral("live2")}));
        const auto entries = audit(params);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().action, QStringLiteral("sweep"));
        QCOMPARE(entries.first().outcome, QStringLiteral("removed 5"));
    }

    // A row another transaction has locked is skipped, not waited for; the
    // sweep goes on past it, and says how many it left.
    void sweepSkipsRowsLockedByOthers() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        for (int i = 0; i < 5; ++i)
            insertLease(*params, QStringLiteral("dead%1").arg(i), QStringLiteral("t"), -10 - i);
        {
            ScopedConnection writer(*params, QStringLiteral("writer"));
            QSqlQuery q(writer.db());
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            // The oldest expired row, which every batch would take first.
            QVERIFY(q.exec(QStringLiteral("SELECT 1 FROM aggregate_locks WHERE lock_key = "
                                          "'dead4' FOR UPDATE")));
            auto swept = AdminActions::sweep(*params, 2, false, QStringLiteral("test"));
            QVERIFY2(swept.ok(), qPrintable(swept.ok() ? QString() : swept.error().message));
            QCOMPARE(swept->count, 4);
            QCOMPARE(swept->skipped, 1);
            QCOMPARE(keys(*params), QStringList{QStringLiteral("dead4")});
            QCOMPARE(audit(*params).first().outcome,
                     QStringLiteral("removed 4, left 1 still expired (locked by another "
                                    "transaction, or expired during the sweep)"));
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
        }
        auto again = AdminActions::sweep(*params, 2, false, QStringLiteral("test"));
        QVERIFY(again.ok());
        QCOMPARE(again->count, 1);
        QCOMPARE(again->skipped, 0);
    }

    void sweepStopsWhenCancelled() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        for (int i = 0; i < 10; ++i)
            insertLease(params, QStringLiteral("dead%1").arg(i), QStringLiteral("t"), -5);
        CancelToken cancel;
        auto swept =
            AdminActions::sweep(params, 3, false, QStringLiteral("test"), &cancel, [&](qint64 n) {
                if (n >= 3)
                    cancel.cancel();
            });
        QVERIFY(swept.ok());
        QVERIFY(swept->cancelled);
        QCOMPARE(swept->count, 3);
        QCOMPARE(keys(params).size(), 7);
    }

    void sweepRejectsBadBatch() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        insertLease(params, QStringLiteral("dead"), QStringLiteral("t"), -5);
        auto swept = AdminActions::sweep(params, 0, false, QStringLiteral("test"));
        QCOMPARE(swept.error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(keys(params).size(), 1);
    }

    // Force release with a stale token changes nothing; with the current one it
    // releases; unconditional releases whoever holds it.
    void forceReleaseIsOwnerGuarded_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void forceReleaseIsOwnerGuarded() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseManager manager(params);
        auto lease = manager.tryLock(QStringLiteral("stuck"));
        QVERIFY(lease.ok());
        const QString shownToken = lease->token();

        // The lease is re-acquired by someone else after the operator looked.
        QVERIFY(test::TestDb::exec(params, QStringLiteral("UPDATE aggregate_locks SET "
                                                          "owner_token = 'newer-holder'")));
        auto stale = AdminActions::forceRelease(params, QStringLiteral("stuck"), shownToken,
                                                QStringLiteral("test"));
        QVERIFY(stale.ok());
        QCOMPARE(stale->outcome, ReleaseOutcome::Changed);
        QCOMPARE(stale->previousToken, QStringLiteral("newer-holder"));
        QCOMPARE(keys(params), QStringList{QStringLiteral("stuck")});

        auto current =
            AdminActions::forceRelease(params, QStringLiteral("stuck"),
                                       QStringLiteral("newer-holder"), QStringLiteral("test"));
        QVERIFY(current.ok());
        QCOMPARE(current->outcome, ReleaseOutcome::Released);
        QVERIFY(keys(params).isEmpty());

        auto absent = AdminActions::forceRelease(params, QStringLiteral("stuck"), std::nullopt,
                                                 QStringLiteral("test"));
        QVERIFY(absent.ok());
        QCOMPARE(absent->outcome, ReleaseOutcome::Absent);

        insertLease(params, QStringLiteral("other"), QStringLiteral("whoever"), 100);
        auto forced = AdminActions::forceRelease(params, QStringLiteral("other"), std::nullopt,
                                                 QStringLiteral("test"));
        QVERIFY(forced.ok());
        QCOMPARE(forced->outcome, ReleaseOutcome::Released);
        QCOMPARE(forced->previousToken, QStringLiteral("whoever"));

        const auto entries = audit(params); // newest first
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries.at(3).outcome, QStringLiteral("changed since shown; not released"));
        QCOMPARE(entries.at(3).previousToken, shownToken);
        QCOMPARE(entries.at(2).outcome, QStringLiteral("released"));
        QCOMPARE(entries.at(1).outcome, QStringLiteral("absent"));
        QCOMPARE(entries.at(0).action, QStringLiteral("force-release-unconditional"));
        QCOMPARE(entries.at(0).previousToken, QStringLiteral("whoever"));
        if (params.isPostgres())
            QCOMPARE(entries.at(0).dbUser, QStringLiteral("lockscope"));

        // The stale holder's own release reports that it no longer held the lease.
        auto released = lease->release();
        QVERIFY(released.ok());
        QVERIFY(!released.value());
    }

    // Inspector, sweep and force-release work on a table with only the four
    // shared columns, created by another program, with no audit table.
    void workOnForeignFourColumnTable_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void workOnForeignFourColumnTable() {
        QFETCH(QString, backend);
        QString why;
        auto opt = test::TestDb::fresh(backend, &why, false);
        if (!opt)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const ConnectionParams params = *opt;
        QVERIFY(test::TestDb::exec(
            params, QStringLiteral("CREATE TABLE aggregate_locks (lock_key text PRIMARY KEY, "
                                   "owner_token text NOT NULL, acquired_at double precision, "
                                   "expires_at double precision)")));
        insertLease(params, QStringLiteral("old"), QStringLiteral("their-token"), -30);
        insertLease(params, QStringLiteral("live"), QStringLiteral("their-token"), 30);

        ScopedConnection conn(params, QStringLiteral("inspect"));
        auto snap = LeaseQueries::snapshot(conn.db(), params);
        QVERIFY(snap.ok());
        QCOMPARE(snap->rows.size(), 2);
        QCOMPARE(snap->rows.at(0).owner, QString()); // not a LockScope token

        auto swept = AdminActions::sweep(params, 100, false, QStringLiteral("test"));
        QVERIFY(swept.ok());
        QCOMPARE(swept->count, 1);
        QVERIFY(!swept->audited);
        auto forced = AdminActions::forceRelease(
            params, QStringLiteral("live"), QStringLiteral("their-token"), QStringLiteral("test"));
        QVERIFY(forced.ok());
        QCOMPARE(forced->outcome, ReleaseOutcome::Released);
        QVERIFY(keys(params).isEmpty());
    }

    // Whatever is listed can be released: a key longer than LockScope creates
    // (another program wrote it) is released with its token or by force, and
    // audited; the rules for new keys still refuse it at acquire.
    void forceReleaseOfLongForeignKey_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void forceReleaseOfLongForeignKey() {
        LOCKSCOPE_FRESH_DB(params);
        const QString key = QString(3000, QLatin1Char('x'));
        insertLease(params, key, QStringLiteral("their-token"), 300);
        QCOMPARE(keys(params), QStringList{key});
        auto guarded = AdminActions::forceRelease(params, key, QStringLiteral("their-token"),
                                                  QStringLiteral("test"));
        QVERIFY2(guarded.ok(), qPrintable(guarded.ok() ? QString() : guarded.error().message));
        QCOMPARE(guarded->outcome, ReleaseOutcome::Released);
        QVERIFY(guarded->audited);
        QVERIFY(keys(params).isEmpty());

        insertLease(params, key, QStringLiteral("their-token"), 300);
        auto forced = AdminActions::forceRelease(params, key, std::nullopt, QStringLiteral("test"));
        QVERIFY2(forced.ok(), qPrintable(forced.ok() ? QString() : forced.error().message));
        QCOMPARE(forced->outcome, ReleaseOutcome::Released);
        QVERIFY(keys(params).isEmpty());
        QCOMPARE(audit(params).first().target, key);

        // A NUL is still refused: a driver would cut the key there.
        auto nul = AdminActions::forceRelease(params, QStringLiteral("a") + QChar(u'\0'),
                                              std::nullopt, QStringLiteral("test"));
        QCOMPARE(nul.error().kind, ErrorKind::InvalidKey);
        LeaseManager manager(params);
        QCOMPARE(manager.tryLock(key).error().kind, ErrorKind::InvalidKey);
    }

    void missingTableSaysRunMigrate_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void missingTableSaysRunMigrate() {
        QFETCH(QString, backend);
        QString why;
        auto opt = test::TestDb::fresh(backend, &why, false);
        if (!opt)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        auto swept = AdminActions::sweep(*opt, 100, true, QStringLiteral("test"));
        QCOMPARE(swept.error().kind, ErrorKind::SchemaMissing);
        QVERIFY2(swept.error().message.contains(QLatin1String("lockctl migrate")),
                 qPrintable(swept.error().message));
        LeaseManager manager(*opt);
        auto lease = manager.tryLock(QStringLiteral("k"));
        QCOMPARE(lease.error().kind, ErrorKind::SchemaMissing);
        QVERIFY(lease.error().message.contains(QLatin1String("lockctl migrate")));
    }

    // Filters: the action and the time are conditions of the query; a target
    // glob pages back through the log (1000 entries a page) until enough match,
    // so an old match behind 2400 newer entries is still found.
    void auditFiltersPageBackThroughTheLog_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void auditFiltersPageBackThroughTheLog() {
        LOCKSCOPE_FRESH_DB(params);
        const auto bulk = [&](int from, int to) {
            return test::TestDb::exec(
                params,
                QStringLiteral("WITH RECURSIVE n(i) AS (SELECT %1 UNION ALL SELECT i + 1 FROM n "
                               "WHERE i < %2) INSERT INTO lockscope_audit (at, db_user, os_user, "
                               "os_host, tool, action, target, outcome) SELECT 1000 + i, '', 'u', "
                               "'h', 'test', 'cancel-backend', 'bulk/' || i, 'sent' FROM n")
                    .arg(from)
                    .arg(to));
        };
        const auto one = [&](int at, const QString &action, const QString &target) {
            return test::TestDb::exec(
                params, QStringLiteral("INSERT INTO lockscope_audit (at, db_user, os_user, "
                                       "os_host, tool, action, target, outcome) VALUES (%1, '', "
                                       "'u', 'h', 'test', '%2', '%3', 'done')")
                            .arg(at)
                            .arg(action, target));
        };
        QVERIFY(one(500, QStringLiteral("sweep"), QStringLiteral("needle/oldest")));
        QVERIFY(bulk(1, 1200));
        QVERIFY(one(3000, QStringLiteral("force-release"), QStringLiteral("needle/middle")));
        QVERIFY(bulk(2001, 3200));
        QVERIFY(one(5000, QStringLiteral("sweep"), QStringLiteral("needle/newest")));

        ScopedConnection conn(params, QStringLiteral("audit"));
        const auto targets = [&](int limit, const AuditFilter &filter) {
            QStringList list;
            auto got = AuditLog::recent(conn.db(), params, limit, filter);
            if (got.ok()) {
                for (const AuditEntry &e : got.value())
                    list << e.target;
            } else {
                list << got.error().message;
            }
            return list;
        };
        AuditFilter needles;
        needles.target = GlobPattern::toRegularExpression(QStringLiteral("needle/*"));
        QCOMPARE(targets(10, needles),
                 (QStringList{QStringLiteral("needle/newest"), QStringLiteral("needle/middle"),
                              QStringLiteral("needle/oldest")}));
        QCOMPARE(targets(2, needles),
                 (QStringList{QStringLiteral("needle/newest"), QStringLiteral("needle/middle")}));

        AuditFilter sweeps;
        sweeps.action = QStringLiteral("sweep");
        QCOMPARE(targets(10, sweeps),
                 (QStringList{QStringLiteral("needle/newest"), QStringLiteral("needle/oldest")}));
        sweeps.since = 1000;
        QCOMPARE(targets(10, sweeps), QStringList{QStringLiteral("needle/newest")});

        AuditFilter none;
        QCOMPARE(targets(3, none).size(), 3);
        QCOMPARE(targets(3, none).first(), QStringLiteral("needle/newest"));
        AuditFilter nothing;
        nothing.target = GlobPattern::toRegularExpression(QStringLiteral("no-such-*"));
        QCOMPARE(targets(10, nothing), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestAdminActions)
#include "tst_adminactions.moc"
