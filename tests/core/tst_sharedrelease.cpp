// A release of a semaphore permit, reader or writer reaches those who wait for
// it (issue 15 review), on real PostgreSQL and real SQLite files:
//  - PostgreSQL: a waiter that registered for release notifications and then
//    failed an attempt is woken by every release that comes after that
//    attempt, even one whose look-up for registered waiters ran before the
//    registration (migration 0010: the attempt waits for the release in
//    flight). Control: the one-statement acquire of before 0010
//    (LeaseConfig::semaphoreIgnoresReleasesInFlight) misses it, built
//    deterministically by holding the release's transaction open.
//  - Both stores: a release by this process wakes this process's threads that
//    wait on the database for the key (SQLite notifies nobody).
//  - SQLite: a release that met a file locked past the busy timeout is kept
//    and sent again, so the permit does not stay held until its TTL.
#include "base/canceltoken.h"
#include "db/database.h"
#include "lease/leasemanager.h"
#include "support/pgsession.h"
#include "support/sqlitewritelock.h"
#include "support/testdb.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <optional>
#include <thread>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

template <typename T> QByteArray failure(const Result<T> &r) {
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}

// One value from the database, on a connection of its own.
QVariant valueOf(const ConnectionParams &p, const QString &sql) {
    ScopedConnection probe(p, QStringLiteral("probe"));
    if (!probe.ok())
        return {};
    QSqlQuery q(probe.db());
    return q.exec(sql) && q.next() ? q.value(0) : QVariant();
}

// A waiter on another thread: its outcome, and when it came.
class Waiter final {
public:
    Waiter(LeaseManager &manager, const QString &key, int permits,
           std::chrono::milliseconds maxWait)
        : m_thread([this, &manager, key, permits, maxWait] {
            auto got = manager.acquireSemaphore(key, permits, maxWait, &m_cancel);
            m_ms = m_clock.elapsed();
            if (got.ok())
                m_lease.emplace(std::move(got.value()));
            else
                m_error = got.error();
            m_done = true;
        }) {}
    ~Waiter() { cancelAndJoin(); }
    Q_DISABLE_COPY_MOVE(Waiter)

    void restartClock() { m_clock.restart(); }
    bool done() const { return m_done; }
    // Waits for the outcome at most `bound`; true when the permit came.
    bool gotInWithin(std::chrono::milliseconds bound) {
        QElapsedTimer t;
        t.start();
        while (!m_done && t.elapsed() < bound.count())
            QTest::qWait(5);
        return m_done && m_lease.has_value();
    }
    qint64 msAfterClock() const { return m_ms; }
    QString error() const { return m_error ? m_error->message : QString(); }
    void cancelAndJoin() {
        m_cancel.cancel();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    CancelToken m_cancel;
    QElapsedTimer m_clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    std::atomic<bool> m_done{false};
    std::atomic<qint64> m_ms{-1};
    std::optional<Lease> m_lease;
    std::optional<Error> m_error;
    std::thread m_thread;
};

// Until `manager` has sent more statements than `baseline` and then none for
// `quiet` (it tried and sleeps).
bool settles(const LeaseManager &manager, quint64 baseline, std::chrono::milliseconds quiet,
             std::chrono::milliseconds bound) {
    QElapsedTimer total;
    total.start();
    quint64 last = manager.statementCount();
    QElapsedTimer still;
    still.start();
    while (total.elapsed() < bound.count()) {
        QTest::qWait(20);
        const quint64 now = manager.statementCount();
        if (now != last) {
            last = now;
            still.restart();
        } else if (still.elapsed() >= quiet.count() && now > baseline) {
            return true;
        }
    }
    return false;
}

// A poll interval no test waits out: jittered over [60 s, 180 s].
constexpr auto kLongPoll = 120s;

} // namespace

class TestSharedRelease final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The lost wake-up, built step by step. A holder's release runs in a
    // transaction held open after its look-up for registered waiters (which
    // finds none: the waiter has not registered yet). The waiter then tries,
    // registers, tries again, and sleeps (poll interval 60-180 s). The release
    // commits. With migration 0010 the waiter's attempt waits for that release
    // and gets the permit at once; the control's attempt saw the slot still
    // held, no notification comes, and it is still asleep seconds later.
    void waiterIsWokenByAReleaseInFlight_data() {
        QTest::addColumn<bool>("control");
        QTest::newRow("fixed") << false;
        QTest::newRow("control") << true;
    }
    void waiterIsWokenByAReleaseInFlight() {
        QFETCH(bool, control);
        QString why;
        const auto p = test::TestDb::fresh(QStringLiteral("postgres"), &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager holderManager(*p);
        const int rounds = control ? 1 : 5;
        for (int round = 0; round < rounds; ++round) {
            const QString key = QStringLiteral("inflight/%1").arg(round);
            auto held = holderManager.acquireSemaphore(key, 1, 0ms);
            QVERIFY2(held.ok(), failure(held).constData());
            const QString token = held->info().token;

            test::PgSession releaser(test::TestDb::urlFor(*p), QStringLiteral("tst-releaser"));
            QVERIFY2(releaser.ok(), qPrintable(releaser.error()));
            QVERIFY(releaser.exec(QStringLiteral("BEGIN")).has_value());
            const auto gone = releaser.exec(
                QStringLiteral("SELECT lockscope_release_holder('%1', '%2')").arg(key, token));
            QCOMPARE(gone.value_or(QString()), QStringLiteral("slot"));

            LeaseConfig config;
            config.retryInterval = kLongPoll;
            config.ownerId =
                QStringLiteral("inflight-%1-%2").arg(QCoreApplication::applicationPid()).arg(round);
            config.semaphoreIgnoresReleasesInFlight = control;
            LeaseManager waiterManager(*p, config);
            Waiter waiter(waiterManager, key, 1, 150s);
            // The waiter either waits for the release's row lock (0010), or it
            // registered, tried again and sleeps (the control).
            const QString blocked = QStringLiteral(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE '%/%1' "
                "AND wait_event_type = 'Lock'");
            const QString registered =
                QStringLiteral("SELECT count(*) FROM lockscope_release_waiters WHERE lock_key "
                               "= '%1'")
                    .arg(key);
            QElapsedTimer t;
            t.start();
            bool ready = false;
            while (!ready && t.elapsed() < 30'000) {
                if (valueOf(*p, blocked.arg(config.ownerId)).toInt() > 0)
                    ready = true;
                else if (valueOf(*p, registered).toInt() > 0)
                    ready = settles(waiterManager, 0, 500ms, 10s);
                else
                    QTest::qWait(10);
            }
            QVERIFY2(ready, "the waiter neither blocked on the release nor went to sleep");
            QVERIFY(!waiter.done());

            waiter.restartClock();
            QVERIFY(releaser.exec(QStringLiteral("COMMIT")).has_value());
            if (control) {
                // Asleep until its poll (60 s at the least): no wake-up came.
                QVERIFY2(!waiter.gotInWithin(3s), "the control was woken: it cannot show the "
                                                  "lost wake-up");
                waiter.cancelAndJoin();
                QCOMPARE(valueOf(*p, QStringLiteral("SELECT count(*) FROM "
                                                    "lockscope_semaphore_slots WHERE lock_key = "
                                                    "'%1'")
                                         .arg(key))
                             .toInt(),
                         0); // the permit was free all along
                return;
            }
            QVERIFY2(waiter.gotInWithin(30s), qPrintable(waiter.error()));
            QVERIFY2(waiter.msAfterClock() < 30'000, "woken only by its poll");
        }
    }

    // A database migrated before 0010 (no lockscope_semaphore_acquire): the
    // manager finds the function missing and acquires with the one statement.
    void worksWithoutMigration0010() {
        QString why;
        const auto p = test::TestDb::fresh(QStringLiteral("postgres"), &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY(test::TestDb::exec(
            *p, QStringLiteral("DROP FUNCTION lockscope_semaphore_acquire(text, text, "
                               "double precision, integer)")));
        LeaseManager manager(*p);
        auto first = manager.acquireSemaphore(QStringLiteral("old"), 1, 0ms);
        QVERIFY2(first.ok(), failure(first).constData());
        auto second = manager.acquireSemaphore(QStringLiteral("old"), 1, 0ms);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().kind, ErrorKind::Timeout);
        QVERIFY(first->release().value());
        auto third = manager.acquireSemaphore(QStringLiteral("old"), 1, 0ms);
        QVERIFY2(third.ok(), failure(third).constData());
    }

    // Many releases at random moments against a waiter that polls only every
    // 60-180 s: each waiter gets the permit long before its poll would.
    void waitersAreWokenAcrossRepetitions() {
        QString why;
        const auto p = test::TestDb::fresh(QStringLiteral("postgres"), &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager holderManager(*p);
        LeaseConfig config;
        config.retryInterval = kLongPoll;
        LeaseManager waiterManager(*p, config);
        constexpr int kRounds = 150;
        int slow = 0;
        qint64 worstMs = 0;
        for (int round = 0; round < kRounds; ++round) {
            const QString key = QStringLiteral("many/%1").arg(round % 10);
            auto held = holderManager.acquireSemaphore(key, 1, 5s);
            QVERIFY2(held.ok(), failure(held).constData());
            Waiter waiter(waiterManager, key, 1, 20s);
            std::this_thread::sleep_for(std::chrono::microseconds(round % 7 * 1500));
            waiter.restartClock();
            QVERIFY(held->release().value());
            if (!waiter.gotInWithin(25s))
                ++slow;
            worstMs = std::max(worstMs, waiter.msAfterClock());
            waiter.cancelAndJoin();
        }
        qInfo("%d rounds; slowest hand-over %lld ms; missed wake-ups %d", kRounds,
              static_cast<long long>(worstMs), slow);
        QCOMPARE(slow, 0);
    }

    // A semaphore admits several holders of one process at once; one of this
    // process's threads waits on the database (another process holds the other
    // permit) while a thread of its own releases: the release wakes it, on
    // SQLite too (no notification there) and on PostgreSQL with notifications
    // off. Without the local wake-up it slept until its poll (60-180 s).
    void localReleaseWakesALocalWaiter_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void localReleaseWakesALocalWaiter() {
        LOCKSCOPE_FRESH_DB(p);
        LeaseManager other(p);
        LeaseConfig config;
        config.retryInterval = kLongPoll;
        config.releaseNotifications = false;
        LeaseManager manager(p, config);
        for (int round = 0; round < 3; ++round) {
            const QString key = QStringLiteral("local/%1").arg(round);
            auto theirs = other.acquireSemaphore(key, 2, 0ms);
            QVERIFY2(theirs.ok(), failure(theirs).constData());
            auto mine = manager.acquireSemaphore(key, 2, 0ms);
            QVERIFY2(mine.ok(), failure(mine).constData());
            const quint64 before = manager.statementCount();
            Waiter waiter(manager, key, 2, 40s);
            QVERIFY(settles(manager, before, 500ms, 20s)); // it tried and sleeps
            QVERIFY(!waiter.done());
            waiter.restartClock();
            QVERIFY(mine->release().value());
            QVERIFY2(waiter.gotInWithin(30s), qPrintable(waiter.error()));
            QVERIFY(waiter.msAfterClock() < 30'000);
        }
    }

    // SQLite: the file is write-locked by another connection past the busy
    // timeout (2 s), so a permit's (and a reader's) release fails. The manager
    // keeps it and sends it again -- before its next acquire, or when flushed
    // -- instead of leaving the permit held for its whole TTL (60 s here).
    void busyReleaseIsSentAgain() {
        QString why;
        const auto p = test::TestDb::fresh(QStringLiteral("sqlite"), &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseConfig config;
        config.ttl = 60s;
        LeaseManager holder(*p, config);
        LeaseManager other(*p, config);
        auto permit = holder.acquireSemaphore(QStringLiteral("busy/s"), 1, 0ms);
        QVERIFY2(permit.ok(), failure(permit).constData());
        auto writer = holder.acquireWrite(QStringLiteral("busy/rw"), 0ms);
        QVERIFY2(writer.ok(), failure(writer).constData());
        {
            test::SqliteWriteLock blocker(*p);
            QVERIFY2(blocker.ok(), qPrintable(blocker.error()));
            auto released = permit->release();
            QVERIFY(!released.ok());
            QCOMPARE(released.error().kind, ErrorKind::Busy);
            QVERIFY(!writer->release().ok());
            QCOMPARE(holder.pendingReleases(), 2);
            QCOMPARE(holder.flushPendingReleases(), 2); // still locked: kept
        }
        // The control: the server never saw the releases.
        QVERIFY(!other.acquireSemaphore(QStringLiteral("busy/s"), 1, 0ms).ok());
        QVERIFY(!other.acquireRead(QStringLiteral("busy/rw"), 0ms).ok());
        // The holder's next acquire (of anything) sends them first.
        auto unrelated = holder.acquireSemaphore(QStringLiteral("busy/x"), 1, 0ms);
        QVERIFY2(unrelated.ok(), failure(unrelated).constData());
        QCOMPARE(holder.pendingReleases(), 0);
        auto free = other.acquireSemaphore(QStringLiteral("busy/s"), 1, 0ms);
        QVERIFY2(free.ok(), failure(free).constData());
        auto reader = other.acquireRead(QStringLiteral("busy/rw"), 0ms);
        QVERIFY2(reader.ok(), failure(reader).constData());
    }
};

QTEST_GUILESS_MAIN(TestSharedRelease)
#include "tst_sharedrelease.moc"
