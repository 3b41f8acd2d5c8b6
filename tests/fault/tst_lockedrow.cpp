// Another program wrote or locked a lease's row and left its transaction open
// (an UPDATE, or a SELECT ... FOR UPDATE in a session now "idle in
// transaction"). PostgreSQL makes every statement that writes that key's row
// wait until that transaction ends. The lease manager stays bounded anyway:
// tryLock gives up, a bounded lock() keeps its bound, a cancel ends the wait,
// a release gives up and is sent again later -- and the abandoned statement is
// cancelled on the server too, so nothing takes the key behind the caller's
// back once the row is free.
//
// Controls (each checked by hand): an acquire sent without a bound hangs until
// the other transaction ends, and fails the tests of acquire here; one
// abandoned without the server-side cancel leaves the server waiting for the
// row (and taking the key once it is free), and fails the "server stopped
// waiting" checks.
#include "admin/holderrelease.h"
#include "db/database.h"
#include "lease/leasebackend.h"
#include "lease/leasemanager.h"
#include "support/testdb.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

const QString kKey = QStringLiteral("row/locked");

// A session of "another program" holding the key's row locked in an open
// transaction. The row is expired: anyone could take it, once it is free.
class ForeignTransaction final {
public:
    // `seed`: first write an expired row of another owner for the key.
    // `key`: the row to lock, which must exist unless seeded.
    explicit ForeignTransaction(const ConnectionParams &params, bool seed = true,
                                const QString &key = kKey)
        : m_conn(params, QStringLiteral("foreign")) {
        if (!m_conn.ok())
            return;
        QSqlQuery q(m_conn.db());
        if (seed) {
            q.prepare(QStringLiteral("INSERT INTO aggregate_locks (lock_key, owner_token, "
                                     "acquired_at, expires_at) VALUES (?, 'other', 0, 1)"));
            q.addBindValue(key);
            if (!q.exec())
                return;
        }
        if (!m_conn.db().transaction())
            return;
        q.prepare(QStringLiteral("SELECT * FROM aggregate_locks WHERE lock_key = ? FOR UPDATE"));
        q.addBindValue(key);
        m_ok = q.exec() && q.next();
        if (m_ok && q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next())
            m_pid = q.value(0).toLongLong();
        m_ok = m_ok && m_pid > 0;
    }
    ~ForeignTransaction() { end(); }
    ForeignTransaction(const ForeignTransaction &) = delete;
    ForeignTransaction &operator=(const ForeignTransaction &) = delete;

    bool ok() const { return m_ok; }
    // What an error naming this session tells the reader to run.
    QString terminate() const { return QStringLiteral("lockctl terminate-backend %1`").arg(m_pid); }
    void end() {
        if (m_ok)
            m_conn.db().commit();
        m_ok = false;
    }

private:
    ScopedConnection m_conn;
    bool m_ok = false;
    qint64 m_pid = 0;
};

QString ownerOfKey(const ConnectionParams &params) {
    ScopedConnection conn(params, QStringLiteral("check"));
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral("SELECT owner_token FROM aggregate_locks WHERE lock_key = ?"));
    q.addBindValue(kKey);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

// Sessions of this database waiting for a lock (the lease manager's upsert
// waiting for the row).
int waitingForLocks(const ConnectionParams &params) {
    ScopedConnection conn(params, QStringLiteral("waiting"));
    QSqlQuery q(conn.db());
    return q.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                 "current_database() AND wait_event_type = 'Lock'")) &&
                   q.next()
               ? q.value(0).toInt()
               : -1;
}

// The server stopped waiting for the row, and once the other transaction ends
// nothing takes the key: it is still the other owner's. (A failure returns
// early; the caller checks QTest::currentTestFailed().)
void nothingTakenOnceFree(const ConnectionParams &params, ForeignTransaction &foreign) {
    QTRY_COMPARE_WITH_TIMEOUT(waitingForLocks(params), 0, 10000);
    foreign.end();
    QTest::qWait(300);
    QCOMPARE(ownerOfKey(params), QStringLiteral("other"));
}

// Runs `call` on a thread of its own; the test ends the foreign transaction if
// it never returns, so that a broken build fails instead of hanging.
template <typename Call> class Background final {
public:
    explicit Background(Call call)
        : m_thread([this, call] {
            m_result.emplace(call());
            m_done = true;
        }) {}
    ~Background() { m_thread.join(); }
    Background(const Background &) = delete;
    Background &operator=(const Background &) = delete;
    bool done() const { return m_done.load(); }
    const auto &result() const { return *m_result; }

private:
    std::optional<std::invoke_result_t<Call>> m_result;
    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

} // namespace

class TestLockedRow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tryLockGivesUp() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ForeignTransaction foreign(*params);
        QVERIFY(foreign.ok());
        LeaseManager manager(*params);
        Background attempt([&] { return manager.tryLock(kKey); });
        const auto unblock = qScopeGuard([&] { foreign.end(); });
        // It waits for the row for a while (normally a committing transaction),
        // then gives up while the other transaction is still open.
        const int waitMs = static_cast<int>(LeaseBackend::attemptRowWait().count());
        QTRY_VERIFY_WITH_TIMEOUT(attempt.done(), waitMs + 15000);
        QVERIFY(!attempt.result().ok());
        QCOMPARE(attempt.result().error().kind, ErrorKind::NotAcquired);
        QVERIFY2(attempt.result().error().message.contains(
                     QLatin1String("stayed locked by another transaction")),
                 qPrintable(attempt.result().error().message));
        // It names the session to end.
        QVERIFY2(attempt.result().error().message.contains(foreign.terminate()),
                 qPrintable(attempt.result().error().message));
        // The server stopped waiting too.
        nothingTakenOnceFree(*params, foreign);
        if (QTest::currentTestFailed())
            return;
        // Once the row is free, the key is taken as usual.
        auto lease = manager.tryLock(kKey);
        QVERIFY2(lease.ok(), qPrintable(lease.ok() ? QString() : lease.error().message));
    }

    void boundedLockKeepsItsBound() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ForeignTransaction foreign(*params);
        QVERIFY(foreign.ok());
        LeaseManager manager(*params);
        Background attempt([&] { return manager.lock(kKey, 300ms); });
        const auto unblock = qScopeGuard([&] { foreign.end(); });
        QTRY_VERIFY_WITH_TIMEOUT(attempt.done(), 15000);
        QVERIFY(!attempt.result().ok());
        QCOMPARE(attempt.result().error().kind, ErrorKind::Timeout);
        QVERIFY2(attempt.result().error().message.contains(foreign.terminate()),
                 qPrintable(attempt.result().error().message));
        nothingTakenOnceFree(*params, foreign);
    }

    // An unbounded wait, cancelled while its upsert waits on the server.
    void cancelEndsTheWait() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ForeignTransaction foreign(*params);
        QVERIFY(foreign.ok());
        LeaseManager manager(*params);
        CancelToken cancel;
        Background attempt([&] { return manager.lock(kKey, std::nullopt, &cancel); });
        const auto unblock = qScopeGuard([&] { foreign.end(); });
        QTRY_COMPARE_WITH_TIMEOUT(waitingForLocks(*params), 1, 10000);
        cancel.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(attempt.done(), 15000);
        QCOMPARE(attempt.result().error().kind, ErrorKind::Cancelled);
        nothingTakenOnceFree(*params, foreign);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(manager.tryLock(kKey).ok()); // free to take
    }

    // The holder's own row locked by another program: the release gives up,
    // says so, and is sent again with the next statement once the row is free.
    void releaseGivesUpAndIsSentAgain() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager manager(*params);
        auto lease = manager.tryLock(kKey);
        QVERIFY(lease.ok());
        ForeignTransaction foreign(*params, false);
        QVERIFY(foreign.ok());
        Background release([&] { return lease->release(); });
        const auto unblock = qScopeGuard([&] { foreign.end(); });
        const int waitMs = static_cast<int>(LeaseBackend::attemptRowWait().count());
        QTRY_VERIFY_WITH_TIMEOUT(release.done(), waitMs + 15000);
        QVERIFY(!release.result().ok());
        QCOMPARE(release.result().error().kind, ErrorKind::Busy);
        QVERIFY2(release.result().error().message.contains(QLatin1String("not released yet")),
                 qPrintable(release.result().error().message));
        QVERIFY2(release.result().error().message.contains(foreign.terminate()),
                 qPrintable(release.result().error().message));
        QTRY_COMPARE_WITH_TIMEOUT(waitingForLocks(*params), 0, 10000);
        QVERIFY(!ownerOfKey(*params).isEmpty()); // still there
        foreign.end();
        QVERIFY(manager.tryLock(QStringLiteral("row/other")).ok()); // sends it again first
        QCOMPARE(ownerOfKey(*params), QString());
    }

    // A semaphore's claim row (its key in aggregate_locks) locked by another
    // program: recording the key's kind waits for it, but no longer than the
    // lease connection's lock_timeout, and the permit is then taken (the kind
    // was recorded before). Control: without the lock_timeout the acquire
    // waits until the other transaction ends.
    void semaphoreWaitsNoLongerThanTheLockTimeout() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString key = QStringLiteral("row/semaphore");
        {
            LeaseManager first(*params);
            auto permit = first.acquireSemaphore(key, 2, 0ms);
            QVERIFY(permit.ok());
            QVERIFY(permit->release().value());
        }
        ForeignTransaction foreign(*params, false, key);
        QVERIFY(foreign.ok());
        LeaseManager manager(*params);
        Background attempt([&] { return manager.acquireSemaphore(key, 2, 1000ms); });
        const auto unblock = qScopeGuard([&] { foreign.end(); });
        QTRY_VERIFY_WITH_TIMEOUT(attempt.done(), 30000); // the other transaction still open
        QVERIFY2(attempt.result().ok(),
                 qPrintable(attempt.result().ok() ? QString() : attempt.result().error().message));
    }

    // A key never used as a semaphore, whose row another program holds locked:
    // recording its kind cannot claim the row. A bounded acquire waits for the
    // row no longer than its time left, stops trying once its time is up and
    // says it timed out, naming the session. Controls: without the claim's own
    // lock_timeout a try waits the connection's 6 s; without the deadline in
    // useAs it tries five times (about 30 s) and answers Busy.
    void semaphoreKindRecordKeepsTheBound() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ForeignTransaction foreign(*params);
        QVERIFY(foreign.ok());
        LeaseManager manager(*params);
        std::atomic<qint64> tookMs{0};
        Background attempt([&] {
            QElapsedTimer took;
            took.start();
            auto got = manager.acquireSemaphore(kKey, 2, 1000ms);
            tookMs = took.elapsed();
            return got;
        });
        const auto unblock = qScopeGuard([&] { foreign.end(); });
        QTRY_VERIFY_WITH_TIMEOUT(attempt.done(), 60000);
        QVERIFY(!attempt.result().ok());
        QCOMPARE(attempt.result().error().kind, ErrorKind::Timeout);
        // The claim waits for the row no longer than the time left (its own
        // lock_timeout), so the answer comes at about the bound. Far below
        // one wait of the connection's lock_timeout (6 s), which the control
        // -- every try under that backstop -- takes at least once.
        const qint64 limitMs = 4500;
        QVERIFY2(tookMs.load() < limitMs, qPrintable(QString::number(tookMs.load())));
        QVERIFY2(attempt.result().error().message.startsWith(QLatin1String("Gave up after 1s.")),
                 qPrintable(attempt.result().error().message));
        QVERIFY2(attempt.result().error().message.contains(foreign.terminate()),
                 qPrintable(attempt.result().error().message));
    }

    // A key's kind row locked by another program once the key is in use: a
    // bounded semaphore or reader-writer attempt waits for it no longer than
    // the time left (its own lock_timeout, set in the statement), times out at
    // about its bound saying why, and holds nothing once that transaction
    // ends. Controls: under the connection's lock_timeout alone each attempt
    // waits 6 s; without the Busy attempt remembered the answer blames the
    // holders ("every permit is held").
    void sharedAttemptKeepsTheBound() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString semaphore = QStringLiteral("row/semaphore-bound");
        const QString rw = QStringLiteral("row/rw-bound");
        // The same manager throughout: the keys' kinds are known to it, so
        // only the acquire statement meets the locked row.
        LeaseManager manager(*params);
        {
            auto permit = manager.acquireSemaphore(semaphore, 2, 0ms);
            QVERIFY(permit.ok());
            QVERIFY(permit->release().value());
            auto writer = manager.acquireWrite(rw, 0ms);
            QVERIFY(writer.ok());
            QVERIFY(writer->release().value());
        }
        ScopedConnection foreign(*params, QStringLiteral("foreign"));
        QVERIFY(foreign.ok() && foreign.db().transaction());
        QSqlQuery q(foreign.db());
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM lockscope_lock_kinds FOR UPDATE")) &&
                q.next());
        bool open = true;
        const auto unblock = qScopeGuard([&] {
            if (open)
                foreign.db().rollback();
        });
        for (const bool isSemaphore : {true, false}) {
            QElapsedTimer took;
            took.start();
            auto got = isSemaphore ? manager.acquireSemaphore(semaphore, 2, 1000ms)
                                   : manager.acquireWrite(rw, 1000ms);
            const qint64 tookMs = took.elapsed();
            QVERIFY(!got.ok());
            QCOMPARE(got.error().kind, ErrorKind::Timeout);
            // Says why: not "every permit is held" (none is).
            QVERIFY2(got.error().message.contains(QLatin1String("stayed locked by another")) &&
                         got.error().message.contains(QLatin1String("`lockctl locks`")),
                     qPrintable(got.error().message));
            // About 1 s on a quiet machine; the control waits 6 s.
            QVERIFY2(tookMs < 4500, qPrintable(QStringLiteral("%1: %2 ms (%3)")
                                                   .arg(isSemaphore ? semaphore : rw)
                                                   .arg(tookMs)
                                                   .arg(got.error().message)));
        }
        foreign.db().rollback();
        open = false;
        ScopedConnection check(*params, QStringLiteral("check"));
        QVERIFY(check.ok());
        QSqlQuery held(check.db());
        QVERIFY(
            held.exec(QStringLiteral("SELECT (SELECT count(*) FROM lockscope_semaphore_slots) + "
                                     "(SELECT count(*) FROM lockscope_rw_holders)")) &&
            held.next());
        QCOMPARE(held.value(0).toLongLong(), 0);
    }

    // The same row, but a wait with time to spare keeps waiting past useAs's
    // own tries (five lock_timeout waits, about 30 s) and takes a permit once
    // the other transaction ends, as a lease's wait would. Control: without
    // the loop around useAs the acquire answers Busy after about 30 s.
    void semaphoreWaitOutlastsTheKindRecordTries() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ForeignTransaction foreign(*params);
        QVERIFY(foreign.ok());
        LeaseManager manager(*params);
        Background attempt([&] { return manager.acquireSemaphore(kKey, 2, 90000ms); });
        const auto unblock = qScopeGuard([&] { foreign.end(); });
        QTest::qWait(34000);
        QVERIFY2(!attempt.done(), qPrintable(attempt.done() && !attempt.result().ok()
                                                 ? attempt.result().error().message
                                                 : QString()));
        foreign.end();
        QTRY_VERIFY_WITH_TIMEOUT(attempt.done(), 30000);
        QVERIFY2(attempt.result().ok(),
                 qPrintable(attempt.result().ok() ? QString() : attempt.result().error().message));
    }

    // An operator releases one permit of a semaphore whose slot row another
    // program holds locked: the release gives up, says so, and changes
    // nothing. Control: without its lock_timeout it waits for that transaction.
    void holderReleaseGivesUp() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString key = QStringLiteral("row/slots");
        LeaseManager manager(*params);
        auto permit = manager.acquireSemaphore(key, 2, 0ms);
        QVERIFY(permit.ok());
        ScopedConnection foreign(*params, QStringLiteral("foreign"));
        QVERIFY(foreign.ok() && foreign.db().transaction());
        QSqlQuery q(foreign.db());
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM lockscope_semaphore_slots FOR UPDATE")) &&
                q.next());
        Background release([&] {
            return HolderRelease::release(*params, key, permit->info().token,
                                          QStringLiteral("test"));
        });
        bool open = true;
        const auto unblock = qScopeGuard([&] {
            if (open)
                foreign.db().rollback();
        });
        QTRY_VERIFY_WITH_TIMEOUT(release.done(), 30000); // the other transaction still open
        QVERIFY(!release.result().ok());
        QCOMPARE(release.result().error().kind, ErrorKind::Timeout);
        QVERIFY2(release.result().error().message.contains(QLatin1String("Nothing was released")),
                 qPrintable(release.result().error().message));
        // Where to find the session (once the release gave up, nothing waits
        // on the row, so `lockctl blocking` would show nothing).
        QVERIFY2(release.result().error().message.contains(QLatin1String("`lockctl locks`")),
                 qPrintable(release.result().error().message));
        foreign.db().rollback();
        open = false;
        QVERIFY(permit->release().value()); // still held: ours to release
    }
};

QTEST_GUILESS_MAIN(TestLockedRow)
#include "tst_lockedrow.moc"
