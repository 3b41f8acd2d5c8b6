// Fencing tokens: strictly increasing per key across every way a lease ends,
// whoever writes the row; and the fenced write that turns a stale holder away.
#include "admin/adminactions.h"
#include "db/database.h"
#include "db/migrator.h"
#include "db/sqlscript.h"
#include "db/threadconnections.h"
#include "lease/fencedwrite.h"
#include "lease/leasebackend.h"
#include "lease/leasemanager.h"
#include "lease/leasequeries.h"
#include "support/testdb.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

QString firstValue(const ConnectionParams &p, const QString &sql) {
    ScopedConnection conn(p, QStringLiteral("value"));
    QSqlQuery q(conn.db());
    if (!q.exec(sql) || !q.next())
        return QStringLiteral("error: ") + q.lastError().text();
    return q.value(0).toString();
}

qint64 fenceOf(const Result<Lease> &lease) {
    return lease.ok() && lease->fence() ? *lease->fence() : -1;
}

} // namespace

class TestFencing final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fencesOnlyGrow_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void fencesOnlyGrow() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseConfig shortTtl;
        shortTtl.ttl = 200ms;
        LeaseManager manager(params);
        LeaseManager shortLived(params, shortTtl);
        QList<qint64> fences;

        auto a = manager.tryLock(QStringLiteral("k"));
        fences << fenceOf(a);
        QVERIFY(a->release().value()); // 1. released
        auto b = shortLived.tryLock(QStringLiteral("k"));
        fences << fenceOf(b);
        auto c = manager.lock(QStringLiteral("k"), 5s); // 2. expired and taken over
        fences << fenceOf(c);
        QVERIFY(!b->release().value());
        QVERIFY(AdminActions::forceRelease(params, QStringLiteral("k"), c->token(),
                                           QStringLiteral("test"))
                    ->outcome == ReleaseOutcome::Released); // 3. force-released
        QVERIFY(!c->release().value()); // the holder learns it; its local slot is freed
        auto d = shortLived.tryLock(QStringLiteral("k"));
        fences << fenceOf(d);
        // Once the database says it expired (a dry run counts it), it is swept.
        QTRY_COMPARE_WITH_TIMEOUT(
            AdminActions::sweep(params, 10, true, QStringLiteral("test"))->count, 1, 10000);
        QCOMPARE(AdminActions::sweep(params, 10, false, QStringLiteral("test"))->count,
                 1); // 4. swept
        auto e = manager.tryLock(QStringLiteral("k"));
        fences << fenceOf(e);
        QVERIFY(e.ok());
        // 5. deleted by hand and re-created by another program (four columns only).
        QVERIFY(test::TestDb::exec(params, QStringLiteral("DELETE FROM aggregate_locks")));
        QVERIFY(test::TestDb::exec(
            params,
            QStringLiteral("INSERT INTO aggregate_locks (lock_key, owner_token, acquired_at, "
                           "expires_at) VALUES ('k', 'other', 1, 2)")));
        ScopedConnection conn(params, QStringLiteral("check"));
        auto other = LeaseQueries::find(conn.db(), params, QStringLiteral("k"));
        QVERIFY(other.ok() && other.value());
        QVERIFY(!other.value()->fence); // another program's row: unfenced, and it works
        QVERIFY(!e->release().value());
        auto f = manager.tryLock(QStringLiteral("k")); // 6. taking over another program's row
        fences << fenceOf(f);

        for (qsizetype i = 0; i < fences.size(); ++i)
            QVERIFY2(fences.at(i) > 0, qPrintable(QString::number(i)));
        for (qsizetype i = 1; i < fences.size(); ++i)
            QVERIFY2(fences.at(i) > fences.at(i - 1),
                     qPrintable(QStringLiteral("fence %1 = %2 after %3")
                                    .arg(i)
                                    .arg(fences.at(i))
                                    .arg(fences.at(i - 1))));
        // The table shows the holder's fence.
        auto row = LeaseQueries::find(conn.db(), params, QStringLiteral("k"));
        QCOMPARE(*row.value()->fence, fenceOf(f));
    }

    void renewalKeepsTheFence_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void renewalKeepsTheFence() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseManager manager(params);
        auto lease = manager.tryLock(QStringLiteral("k"));
        const qint64 fence = fenceOf(lease);
        QVERIFY(lease->renew(60s).ok());
        ScopedConnection conn(params, QStringLiteral("check"));
        QCOMPARE(*LeaseQueries::find(conn.db(), params, QStringLiteral("k")).value()->fence, fence);
    }

    // A database migrated before fencing: everything works, fences are absent.
    void unfencedDatabaseStillWorks_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void unfencedDatabaseStillWorks() {
        QFETCH(QString, backend);
        QString why;
        auto p = test::TestDb::fresh(backend, &why, false);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY(test::TestDb::exec(
            *p, QStringLiteral("CREATE TABLE aggregate_locks (lock_key text PRIMARY KEY, "
                               "owner_token text NOT NULL, acquired_at double precision NOT NULL, "
                               "expires_at double precision NOT NULL)")));
        LeaseManager manager(*p);
        auto lease = manager.tryLock(QStringLiteral("k"));
        QVERIFY2(lease.ok(), qPrintable(lease.ok() ? QString() : lease.error().message));
        QVERIFY(!lease->fence());
        ScopedConnection conn(*p, QStringLiteral("check"));
        auto snap = LeaseQueries::snapshot(conn.db(), *p);
        QVERIFY(snap.ok());
        QVERIFY(!snap->rows.first().fence);
        QVERIFY(lease->release().value());
    }

    // The paused holder's write arrives after the new holder's: it is refused.
    void staleFencedWriteIsRejected_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void staleFencedWriteIsRejected() {
        LOCKSCOPE_FRESH_DB(params);
        QVERIFY(test::TestDb::exec(params, QStringLiteral("CREATE TABLE invoices (id text PRIMARY "
                                                          "KEY, total integer)")));
        QVERIFY(
            test::TestDb::exec(params, QStringLiteral("INSERT INTO invoices VALUES ('42', 0)")));
        LeaseConfig shortTtl;
        shortTtl.ttl = 200ms;
        LeaseManager slow(params, shortTtl);
        LeaseManager fast(params);
        auto paused = slow.tryLock(QStringLiteral("invoice/42"));
        auto taker = fast.lock(QStringLiteral("invoice/42"), 5s);
        QVERIFY(taker.ok());
        QVERIFY(*taker->fence() > *paused->fence());

        ScopedConnection work(params, QStringLiteral("work"));
        auto setTotal = [&](int total) {
            return [total](QSqlDatabase db) -> Status {
                QSqlQuery q(db);
                if (!q.exec(QStringLiteral("UPDATE invoices SET total = %1 WHERE id = '42'")
                                .arg(total)))
                    return Error{ErrorKind::Database, q.lastError().text()};
                return {};
            };
        };
        auto fresh = FencedWrite::apply(work.db(), params, QStringLiteral("invoice/42"),
                                        *taker->fence(), setTotal(100));
        QVERIFY(fresh.ok() && fresh.value());
        auto stale = FencedWrite::apply(work.db(), params, QStringLiteral("invoice/42"),
                                        *paused->fence(), setTotal(7));
        QVERIFY(stale.ok());
        QVERIFY(!stale.value()); // refused
        auto again = FencedWrite::apply(work.db(), params, QStringLiteral("invoice/42"),
                                        *taker->fence(), setTotal(150)); // same holder again: fine
        QVERIFY(again.ok() && again.value());
        QSqlQuery q(work.db());
        QVERIFY(q.exec(QStringLiteral("SELECT total FROM invoices WHERE id = '42'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 150);
        QCOMPARE(FencedWrite::highest(work.db(), params, QStringLiteral("invoice/42")).value(),
                 *taker->fence());
    }

    // `lockctl migrate` run while a service's manager is up: once the fence
    // table exists, the manager's acquisitions carry fences within
    // LeaseBackend::fenceRecheck() (an absent table is looked for again at most
    // that often), without a restart.
    void fenceTableCreatedLaterIsPickedUp_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void fenceTableCreatedLaterIsPickedUp() {
        QFETCH(QString, backend);
        QString why;
        auto p = test::TestDb::fresh(backend, &why, false);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY(test::TestDb::exec(
            *p, QStringLiteral("CREATE TABLE aggregate_locks (lock_key text PRIMARY KEY, "
                               "owner_token text NOT NULL, acquired_at double precision NOT NULL, "
                               "expires_at double precision NOT NULL)")));
        LeaseManager manager(*p);
        auto early = manager.tryLock(QStringLiteral("early"));
        QVERIFY(early.ok());
        QVERIFY(!early->fence());
        QVERIFY(early->release().value());

        auto applied = Migrator::migrate(*p);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
        auto fencedNow = [&] {
            auto lease = manager.tryLock(QStringLiteral("later"));
            const bool fenced = lease.ok() && lease->fence().has_value();
            if (lease.ok())
                (void)lease->release();
            return fenced;
        };
        const auto bound = 4 * LeaseBackend::fenceRecheck();
        QTRY_VERIFY_WITH_TIMEOUT(fencedNow(), static_cast<int>(bound.count()));
    }

    // The look-up that finds the fence table runs on a connection the server has
    // cut: its failure is not taken for "no fences" (it once was, for the
    // manager's life), and the acquisition on the reopened connection is fenced.
    void failedLookUpIsNotCached() {
        QString why;
        auto p = test::TestDb::freshPostgres(&why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager manager(*p);
        int pid = 0;
        {
            // The manager's connection on this thread, opened before its first look-up.
            auto db = ThreadConnections::get(*p, LeaseBackend::connectionPurpose());
            QVERIFY(db.ok());
            QSqlQuery q(db.value());
            QVERIFY(q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next());
            pid = q.value(0).toInt();
        }
        QVERIFY(test::TestDb::exec(
            *p, QStringLiteral("SELECT pg_terminate_backend(%1, 10000)").arg(pid)));
        auto lease = manager.tryLock(QStringLiteral("after-the-cut"));
        QVERIFY2(lease.ok(), qPrintable(lease.ok() ? QString() : lease.error().message));
        QVERIFY2(lease->fence().has_value(), "a failed look-up switched fencing off");
        auto next = manager.tryLock(QStringLiteral("next"));
        QVERIFY(next.ok() && next->fence().has_value());
    }

    // SQLite migration 0007 rebuilds the fence table WITHOUT ROWID: every key's
    // fence carries over, and a manager that was running across the rebuild
    // (its statements prepared on the old table) keeps counting up.
    void sqliteFencesCarryOverTheClusteredRebuild() {
        const ConnectionParams params = test::TestDb::freshSqlite(false);
        const auto known = Migrator::available(params.driver);
        const int before = 6; // 0001-0006: the fence table as a rowid table
        QVERIFY(known.size() > before);
        QCOMPARE(known.at(before).name, QStringLiteral("0007_fences_without_rowid"));
        // The history of an earlier LockScope (migrate() adopts it): 0001-0006.
        QString error;
        QVERIFY2(test::TestDb::exec(params,
                                    QStringLiteral("CREATE TABLE schema_migrations (version "
                                                   "integer PRIMARY KEY, name text NOT NULL, "
                                                   "checksum text NOT NULL, applied_at double "
                                                   "precision NOT NULL)"),
                                    &error),
                 qPrintable(error));
        for (int i = 0; i < before; ++i) {
            const Migration &m = known.at(i);
            for (const QString &statement : SqlScript::split(m.sql))
                QVERIFY2(test::TestDb::exec(params, statement, &error), qPrintable(error));
            QVERIFY(test::TestDb::exec(
                params, QStringLiteral("INSERT INTO schema_migrations VALUES (%1, '%2', '%3', 1)")
                            .arg(m.version)
                            .arg(m.name, m.checksum)));
        }
        const QString clustered =
            QStringLiteral("SELECT wr FROM pragma_table_list WHERE name = 'lockscope_fences'");
        QCOMPARE(firstValue(params, clustered), QStringLiteral("0"));

        LeaseManager running(params);
        QList<qint64> fences;
        for (const QString &key : {QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("b")}) {
            auto lease = running.tryLock(key);
            fences << fenceOf(lease);
            QVERIFY(lease->release().value());
        }
        QCOMPARE(fences, (QList<qint64>{1, 2, 1}));

        auto applied = Migrator::migrate(params);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
        QCOMPARE(applied->size(), known.size() - before);
        QCOMPARE(firstValue(params, clustered), QStringLiteral("1"));

        auto sameManager = running.tryLock(QStringLiteral("a"));
        QCOMPARE(fenceOf(sameManager), 3);
        QVERIFY(sameManager->release().value());
        LeaseManager fresh(params);
        QCOMPARE(fenceOf(fresh.tryLock(QStringLiteral("a"))), 4);
        QCOMPARE(fenceOf(fresh.tryLock(QStringLiteral("b"))), 2);
    }

    void failedWriteRollsBack() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        ScopedConnection work(params, QStringLiteral("work"));
        auto failed = FencedWrite::apply(
            work.db(), params, QStringLiteral("r"), 5, [](QSqlDatabase) -> Status {
                return Error{ErrorKind::Database, QStringLiteral("no")};
            });
        QVERIFY(!failed.ok());
        QCOMPARE(FencedWrite::highest(work.db(), params, QStringLiteral("r")).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFencing)
#include "tst_fencing.moc"
