// What the library reports must be what happened, also when a reply was lost:
// a retried acquire that re-takes our own row is no takeover, and a release
// resent after the connection was cut reports "released" when the key is free
// (a lease's, a semaphore permit's and a reader-writer share's).
#include "db/database.h"
#include "lease/leasebackend.h"
#include "lease/leasemanager.h"
#include "support/replycutter.h"
#include "support/testdb.h"

#include <QSqlQuery>
#include <QTest>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

// Ends the server session that ran this statement text last (our lease
// connection) and waits until the server has let it go.
bool cutSessionThatRan(const ConnectionParams &params, const QString &like) {
    ScopedConnection conn(params, QStringLiteral("cutter"));
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                             "datname = current_database() AND pid <> pg_backend_pid() AND "
                             "query LIKE ?"));
    q.addBindValue(like);
    if (!q.exec() || !q.next() || !q.value(0).toBool())
        return false;
    for (int i = 0; i < 100; ++i) {
        QSqlQuery left(conn.db());
        left.prepare(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                    "current_database() AND pid <> pg_backend_pid() AND query "
                                    "LIKE ?"));
        left.addBindValue(like);
        if (left.exec() && left.next() && left.value(0).toInt() == 0)
            return true;
        QTest::qWait(50);
    }
    return false;
}

// Semaphore permits and reader-writer shares held on the server.
int holdersLeft(const ConnectionParams &params) {
    ScopedConnection conn(params, QStringLiteral("holders"));
    QSqlQuery q(conn.db());
    if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM lockscope_semaphore_slots) + "
                               "(SELECT count(*) FROM lockscope_rw_holders)")) ||
        !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

class TestLeaseReporting final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void retakeOfOwnLeaseIsNoTakeover() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseBackend backend(*params, LeaseConfig{});
        const QString token = OwnerToken::make(QStringLiteral("reporting"));
        auto first = backend.acquireOnce(QStringLiteral("k"), token);
        QVERIFY(first.ok() && first.value());
        QVERIFY(!first.value()->tookOver);
        // The same acquire again, as after a lost reply: our own row.
        auto again = backend.acquireOnce(QStringLiteral("k"), token);
        QVERIFY(again.ok() && again.value());
        QVERIFY2(!again.value()->tookOver, "a re-take of our own lease reported as a takeover");

        // A real takeover still says so.
        QVERIFY(test::TestDb::exec(*params, QStringLiteral("UPDATE aggregate_locks SET "
                                                           "expires_at = 0")));
        auto taken =
            backend.acquireOnce(QStringLiteral("k"), OwnerToken::make(QStringLiteral("b")));
        QVERIFY(taken.ok() && taken.value());
        QVERIFY(taken.value()->tookOver);
    }

    // The first release committed but its reply was lost with the connection
    // (here: the row is gone and the connection cut before the release is
    // sent, so the release is sent again and deletes nothing).
    void resentReleaseOfAFreeKeyReportsReleased() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager manager(*params);
        auto lease = manager.tryLock(QStringLiteral("lost/reply"));
        QVERIFY(lease.ok());
        QVERIFY(test::TestDb::exec(*params, QStringLiteral("DELETE FROM aggregate_locks")));
        QVERIFY(cutSessionThatRan(*params, QStringLiteral("%INSERT INTO aggregate_locks%")));
        auto released = lease->release();
        QVERIFY2(released.ok(), qPrintable(released.ok() ? QString() : released.error().message));
        QVERIFY2(released.value(), "a free key after a resent release reported as taken over");
    }

    // ... and when another holder has the key by then, it says it was not ours.
    void resentReleaseOfATakenKeyReportsChanged() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager manager(*params);
        auto lease = manager.tryLock(QStringLiteral("lost/reply"));
        QVERIFY(lease.ok());
        QVERIFY(test::TestDb::exec(*params, QStringLiteral("UPDATE aggregate_locks SET "
                                                           "owner_token = 'someone-else/1'")));
        QVERIFY(cutSessionThatRan(*params, QStringLiteral("%INSERT INTO aggregate_locks%")));
        auto released = lease->release();
        QVERIFY(released.ok());
        QVERIFY(!released.value());
    }

    // A semaphore permit's or a reader-writer share's release that the server
    // committed, its reply lost on the way back (a proxy closes the
    // connection between the commit and the answer): it is sent again on a
    // new connection, finds nothing of this holder's, and that still means
    // released -- as for a lease. Control: read as "nothing was held", the
    // release answers false.
    void lostSharedReleaseReplyReportsReleased() {
        QString why;
        const auto direct = test::TestDb::freshPostgres(&why);
        if (!direct)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        test::ReplyCutter cutter(direct->host.isEmpty() ? QStringLiteral("127.0.0.1")
                                                        : direct->host,
                                 static_cast<quint16>(direct->port));
        QVERIFY(cutter.port() != 0);
        const auto password = test::TestDb::harnessPassword(&why); // ~/.pgpass knows no proxy
        if (!password)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ConnectionParams params = *direct;
        params.host = QStringLiteral("127.0.0.1");
        params.port = cutter.port();
        params.password = *password;
        LeaseManager manager(params);
        // Once unharmed, so the connection has the release prepared and the
        // cut below loses the release's own answer, not its PREPARE's.
        auto warm = manager.acquireSemaphore(QStringLiteral("warm"), 2, 0ms);
        QVERIFY2(warm.ok(), qPrintable(warm.ok() ? QString() : warm.error().message));
        QVERIFY(warm->release().value());
        int cuts = 0;
        for (const QString &kind : {QStringLiteral("slot"), QStringLiteral("read")}) {
            const QString key = QStringLiteral("lost/") + kind;
            auto held = kind == QLatin1String("slot") ? manager.acquireSemaphore(key, 2, 0ms)
                                                      : manager.acquireRead(key, 0ms);
            QVERIFY2(held.ok(), qPrintable(held.ok() ? QString() : held.error().message));
            cutter.cutNextReply();
            auto released = held->release();
            QVERIFY2(released.ok(),
                     qPrintable(released.ok() ? QString() : released.error().message));
            QCOMPARE(cutter.cuts(), ++cuts);
            QVERIFY2(released.value(), qPrintable(kind));
            // The first send did commit: nothing of it is left.
            QCOMPARE(holdersLeft(*direct), 0);
        }
    }

    // An acquire the server committed, its reply lost: sent again with the
    // same token it re-takes its own permit or share -- one place used, not
    // two, and the lease works as any other. Control: the cutter counts the
    // lost reply.
    void lostSharedAcquireReplyTakesOnePlace() {
        QString why;
        const auto direct = test::TestDb::freshPostgres(&why);
        if (!direct)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        test::ReplyCutter cutter(direct->host, static_cast<quint16>(direct->port));
        QVERIFY(cutter.port() != 0);
        const auto password = test::TestDb::harnessPassword(&why);
        if (!password)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ConnectionParams params = *direct;
        params.host = QStringLiteral("127.0.0.1");
        params.port = cutter.port();
        params.password = *password;
        LeaseManager manager(params);
        int cuts = 0;
        for (const QString &kind : {QStringLiteral("slot"), QStringLiteral("read")}) {
            const QString key = QStringLiteral("lost/") + kind;
            auto take = [&] {
                return kind == QLatin1String("slot") ? manager.acquireSemaphore(key, 2, 0ms)
                                                     : manager.acquireRead(key, 0ms);
            };
            auto warm = take(); // its statements prepared: the cut hits the acquire itself
            QVERIFY2(warm.ok(), qPrintable(warm.ok() ? QString() : warm.error().message));
            QVERIFY(warm->release().value());
            cutter.cutNextReply();
            auto held = take();
            QVERIFY2(held.ok(), qPrintable(held.ok() ? QString() : held.error().message));
            QCOMPARE(cutter.cuts(), ++cuts);
            QCOMPARE(holdersLeft(*direct), 1);
            QVERIFY(held->renew().ok());
            QVERIFY(held->release().value());
            QCOMPARE(holdersLeft(*direct), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestLeaseReporting)
#include "tst_leasereporting.moc"
