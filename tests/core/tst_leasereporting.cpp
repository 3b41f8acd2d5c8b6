// What the library reports must be what happened, also when a reply was lost:
// a retried acquire that re-takes our own row is no takeover, and a release
// resent after the connection was cut reports "released" when the key is free
// (a lease's, a semaphore permit's and a reader-writer share's).
#include "db/database.h"
#include "lease/leasebackend.h"
#include "lease/leasemanager.h"
#include "lease/sharedlockstore.h"
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

// An error's message for QVERIFY2, or nothing.
template <typename T> const char *failure(const Result<T> &r) {
    static thread_local QByteArray text;
    text = r.ok() ? QByteArray() : r.error().message.toUtf8();
    return text.constData();
}

// A permit ("slot") or a read share of `key`, without waiting.
Result<Lease> takeShared(LeaseManager &manager, const QString &kind, const QString &key) {
    return kind == QLatin1String("slot") ? manager.acquireSemaphore(key, 2, 0ms)
                                         : manager.acquireRead(key, 0ms);
}

// The first column of the first row, as text ("" for NULL or no row).
QString scalar(const ConnectionParams &params, const QString &sql) {
    ScopedConnection conn(params, QStringLiteral("scalar"));
    QSqlQuery q(conn.db());
    if (!q.exec(sql) || !q.next())
        return QString();
    return q.value(0).toString();
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

// Declares `direct`, a fresh PostgreSQL database, and `cutter`, a ReplyCutter
// in front of its server (clients connect with cutter.params()), or skips/fails.
#define LOCKSCOPE_FRESH_PG_BEHIND_CUTTER(direct, cutter)                                           \
    QString direct##Why;                                                                           \
    const auto direct = test::TestDb::freshPostgres(&direct##Why);                                 \
    if (!direct)                                                                                   \
        LOCKSCOPE_SKIP_OR_FAIL(direct##Why);                                                       \
    test::ReplyCutter cutter(*direct);                                                             \
    QVERIFY(cutter.port() != 0)

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
        QVERIFY2(released.ok(), failure(released));
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

    // A lease's acquire, renewal and release, each committed by the server
    // with its reply lost on the way back (ReplyCutter): each is sent again on
    // a new connection, and each reports what happened -- the acquire re-takes
    // our own row (no takeover, one row), the renewal extends it, the release
    // reports released. The simulations above cut before the statement; this
    // loses the answer after the commit. Control: the cutter counts a lost
    // reply at every step.
    void lostLeaseRepliesAreSentAgain() {
        LOCKSCOPE_FRESH_PG_BEHIND_CUTTER(direct, cutter);
        LeaseManager manager(cutter.params());
        auto warm = manager.tryLock(QStringLiteral("warm")); // statements prepared
        QVERIFY2(warm.ok(), failure(warm));
        QVERIFY(warm->renew().ok());
        QVERIFY(warm->release().value());
        const QString owners = QStringLiteral(
            "SELECT string_agg(owner_token, ',') FROM aggregate_locks WHERE lock_key = 'lost'");

        cutter.cutNextReply();
        auto lease = manager.tryLock(QStringLiteral("lost"));
        QVERIFY2(lease.ok(), failure(lease));
        QCOMPARE(cutter.cuts(), 1);
        QVERIFY2(!lease->tookOver(), "a re-take of our own lease reported as a takeover");
        QCOMPARE(scalar(*direct, owners), lease->token());

        cutter.cutNextReply();
        const double before = lease->expiresAt();
        auto renewed = lease->renew(std::chrono::seconds(120));
        QVERIFY2(renewed.ok(), failure(renewed));
        QCOMPARE(cutter.cuts(), 2);
        QVERIFY(lease->expiresAt() > before);

        cutter.cutNextReply();
        auto released = lease->release();
        QVERIFY2(released.ok(), failure(released));
        QCOMPARE(cutter.cuts(), 3);
        QVERIFY2(released.value(), "a release whose reply was lost reported as not held");
        QCOMPARE(scalar(*direct, owners), QString());
    }

    // The heartbeat's renewal (bounded by the time the lease has left) that
    // finds its connection cut -- here its answer lost after the commit -- is
    // sent once more at once, not an interval later: the lease keeps its
    // margin. Control: without the second send it answers Connection.
    void lostHeartbeatReplyIsSentAgain() {
        LOCKSCOPE_FRESH_PG_BEHIND_CUTTER(direct, cutter);
        LeaseBackend backend(cutter.params(), LeaseConfig{});
        const QString key = QStringLiteral("beat");
        const QString token = OwnerToken::make(QStringLiteral("heartbeat"));
        auto taken = backend.acquireOnce(key, token);
        QVERIFY2(taken.ok() && taken.value(), failure(taken));
        const auto within = [] {
            return std::chrono::steady_clock::now() + 10s;
        };
        auto warm = backend.renewBounded(key, token, 30s, within(), {}); // prepared
        QVERIFY(warm.ok() && warm.value());
        cutter.cutNextReply();
        auto renewed = backend.renewBounded(key, token, 90s, within(), {});
        QVERIFY2(renewed.ok(), failure(renewed));
        QCOMPARE(cutter.cuts(), 1);
        QVERIFY(renewed.value());
        QVERIFY(*renewed.value() > *warm.value() + 30);

        // The same for a semaphore permit's heartbeat.
        SharedLockStore &shared = backend.sharedLocks();
        const QString pool = QStringLiteral("beat/pool");
        QVERIFY(shared.useAs(pool, LockKind::Semaphore, 2).ok());
        auto permit = shared.acquireOnce(pool, token, LockKind::Semaphore, 2);
        QVERIFY2(permit.ok() && permit->info, failure(permit));
        auto warmPermit = shared.renewBounded(pool, token, LockKind::Semaphore, 30s, within(), {});
        QVERIFY(warmPermit.ok() && warmPermit.value());
        cutter.cutNextReply();
        auto renewedPermit =
            shared.renewBounded(pool, token, LockKind::Semaphore, 90s, within(), {});
        QVERIFY2(renewedPermit.ok(), failure(renewedPermit));
        QCOMPARE(cutter.cuts(), 2);
        QVERIFY(renewedPermit.value());
        QVERIFY(*renewedPermit.value() > *warmPermit.value() + 30);
    }

    // A semaphore permit's or a reader-writer share's release that the server
    // committed, its reply lost on the way back (a proxy closes the
    // connection between the commit and the answer): it is sent again on a
    // new connection, finds nothing of this holder's, and that still means
    // released -- as for a lease. Control: read as "nothing was held", the
    // release answers false.
    void lostSharedReleaseReplyReportsReleased() {
        LOCKSCOPE_FRESH_PG_BEHIND_CUTTER(direct, cutter);
        LeaseManager manager(cutter.params());
        // Once unharmed, so the connection has the release prepared and the
        // cut below loses the release's own answer, not its PREPARE's.
        auto warm = manager.acquireSemaphore(QStringLiteral("warm"), 2, 0ms);
        QVERIFY2(warm.ok(), failure(warm));
        QVERIFY(warm->release().value());
        int cuts = 0;
        for (const QString &kind : {QStringLiteral("slot"), QStringLiteral("read")}) {
            const QString key = QStringLiteral("lost/") + kind;
            auto held = takeShared(manager, kind, key);
            QVERIFY2(held.ok(), failure(held));
            cutter.cutNextReply();
            auto released = held->release();
            QVERIFY2(released.ok(), failure(released));
            QCOMPARE(cutter.cuts(), ++cuts);
            QVERIFY2(released.value(), qPrintable(kind));
            // The first send did commit: nothing of it is left.
            QCOMPARE(holdersLeft(*direct), 0);
        }
    }

    // ... but a release whose first send failed at its PREPARE never ran:
    // when the second send finds nothing, nothing was held (here an operator
    // had released the permit), and release() says so. Control: counting
    // every second send as "may have run" answers true.
    void resendAfterAFailedPrepareIsNoRelease() {
        LOCKSCOPE_FRESH_PG_BEHIND_CUTTER(direct, cutter);
        LeaseManager manager(cutter.params());
        auto held = manager.acquireSemaphore(QStringLiteral("gone"), 2, 0ms);
        QVERIFY2(held.ok(), failure(held));
        QVERIFY(
            test::TestDb::exec(*direct, QStringLiteral("DELETE FROM lockscope_semaphore_slots")));
        cutter.cutNextReply(); // the first release on this connection: its PREPARE
        auto released = held->release();
        QVERIFY2(released.ok(), failure(released));
        QCOMPARE(cutter.cuts(), 1);
        QVERIFY2(!released.value(), "a permit released by an operator reported as released");
    }

    // An acquire the server committed, its reply lost: sent again with the
    // same token it re-takes its own permit or share -- one place used, not
    // two, and the lease works as any other. Control: the cutter counts the
    // lost reply.
    void lostSharedAcquireReplyTakesOnePlace() {
        LOCKSCOPE_FRESH_PG_BEHIND_CUTTER(direct, cutter);
        LeaseManager manager(cutter.params());
        int cuts = 0;
        for (const QString &kind : {QStringLiteral("slot"), QStringLiteral("read")}) {
            const QString key = QStringLiteral("lost/") + kind;
            auto warm = takeShared(manager, kind,
                                   key); // its statements prepared: the cut hits the acquire itself
            QVERIFY2(warm.ok(), failure(warm));
            QVERIFY(warm->release().value());
            cutter.cutNextReply();
            auto held = takeShared(manager, kind, key);
            QVERIFY2(held.ok(), failure(held));
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
