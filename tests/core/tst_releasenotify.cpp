// PostgreSQL: a release in one process wakes the database waiters of another at
// once (LISTEN/NOTIFY); polling is only the fallback. Releases notify only when
// a waiter registered for the key (migration 0007): an uncontended release sends
// no notification, so releases do not commit one at a time.
#include "admin/adminactions.h"
#include "base/canceltoken.h"
#include "db/database.h"
#include "lease/leasebackend.h"
#include "lease/leasemanager.h"
#include "support/testdb.h"

#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <thread>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

struct Waiter {
    std::atomic<bool> done{false};
    Result<Lease> result = Error{ErrorKind::Database, QString()};
    std::thread thread;
    CancelToken cancel;

    void start(LeaseManager &manager, const QString &key) {
        thread = std::thread([this, &manager, key] {
            result = manager.lock(key, 120s, &cancel);
            done = true;
        });
    }
    ~Waiter() {
        cancel.cancel();
        if (thread.joinable())
            thread.join();
    }
};

// The waiter's sessions carry this name so the test can see them on the server.
constexpr auto kWaiterApp = "tst-releasenotify-waiter";

ConnectionParams asWaiter(ConnectionParams p) {
    p.applicationName = QLatin1String(kWaiterApp);
    return p;
}

// True once none of the waiter's sessions is running a statement: its last
// acquire attempt came back "held" and it is asleep (on the poll timer or the
// wake-up). The statement counter alone rises just before a statement is sent,
// so a release right after it could still be seen by that very attempt.
bool waiterAsleep(const ConnectionParams &p) {
    ScopedConnection probe(p, QStringLiteral("probe"));
    QSqlQuery q(probe.db());
    if (!q.exec(QStringLiteral("SELECT count(*) FILTER (WHERE state <> 'idle'), count(*) FROM "
                               "pg_stat_activity WHERE application_name LIKE '%1/%'")
                    .arg(QLatin1String(kWaiterApp))) ||
        !q.next())
        return false;
    return q.value(0).toInt() == 0 && q.value(1).toInt() > 0;
}

int countRows(const ConnectionParams &p, const QString &sql) {
    ScopedConnection probe(p, QStringLiteral("probe"));
    QSqlQuery q(probe.db());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

int registrations(const ConnectionParams &p) {
    return countRows(p, QStringLiteral("SELECT count(*) FROM lockscope_release_waiters"));
}

// Counts the notifications on `lockscope_release`, as any LockScope process
// would receive them, on a connection of its own in the test's thread.
class ChannelCounter final {
public:
    explicit ChannelCounter(const ConnectionParams &p)
        : m_params(p) {
        auto opened = Database::open(m_params, m_name);
        if (!opened.ok())
            return;
        QSqlDriver *driver = opened.value().driver();
        QObject::connect(
            driver, &QSqlDriver::notification, &m_context,
            [this](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                if (payload.toString() == QLatin1String("sentinel"))
                    ++m_sentinels;
                else
                    m_keys << payload.toString();
            });
        m_ok = driver->subscribeToNotification(QStringLiteral("lockscope_release"));
    }
    ~ChannelCounter() { Database::close(m_name); }
    bool ok() const { return m_ok; }
    // Every notification committed before this call has arrived when it
    // returns true: notifications are delivered in commit order, and this sends
    // one more, the sentinel, after them.
    bool drain() {
        const int before = m_sentinels;
        if (!test::TestDb::exec(m_params, QStringLiteral("NOTIFY lockscope_release, 'sentinel'")))
            return false;
        QElapsedTimer t;
        t.start();
        while (m_sentinels == before && t.elapsed() < 20000)
            QTest::qWait(20);
        return m_sentinels > before;
    }
    const QStringList &keys() const { return m_keys; }

private:
    ConnectionParams m_params;
    QString m_name = QStringLiteral("tst-releasenotify-counter");
    QObject m_context;
    QStringList m_keys;
    int m_sentinels = 0;
    bool m_ok = false;
};

// Takes and releases each key in turn, `rounds` times; nobody waits for them.
void cycle(LeaseManager &manager, const QStringList &keys, int rounds) {
    for (int i = 0; i < rounds; ++i) {
        auto lease = manager.tryLock(keys.at(i % keys.size()));
        QVERIFY(lease.ok());
        QVERIFY(lease->release().value());
    }
}

// Starts `waiter` on `key`, waits until it sleeps after `statements`
// statements, releases `held`, and waits until the waiter has the lease.
void handOver(Lease &held, Waiter &waiter, LeaseManager &waiterProcess, const QString &key,
              quint64 statements, const ConnectionParams &params) {
    waiter.start(waiterProcess, key);
    QTRY_COMPARE(waiterProcess.statementCount(), statements);
    QTRY_VERIFY(waiterAsleep(params));
    QVERIFY(!waiter.done);
    QVERIFY(held.release().value());
    QTRY_VERIFY_WITH_TIMEOUT(waiter.done.load(), 8000);
    QVERIFY(waiter.result.ok());
}

LeaseConfig slowPolling(bool notifications) {
    LeaseConfig config;
    // So slow that a poll cannot explain a prompt hand-off: the first retry comes
    // 10 to 30 seconds after a failed attempt.
    config.retryInterval = 20s;
    config.releaseNotifications = notifications;
    return config;
}

} // namespace

class TestReleaseNotify final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void releaseWakesOtherProcessWaiter() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager holderProcess(*params);
        LeaseManager waiterProcess(asWaiter(*params), slowPolling(true));
        auto held = holderProcess.tryLock(QStringLiteral("k"));
        QVERIFY(held.ok());

        Waiter waiter;
        waiter.start(waiterProcess, QStringLiteral("k"));
        // First attempt, LISTEN, registration, second attempt: now it sleeps on
        // the wake-up.
        QTRY_COMPARE(waiterProcess.statementCount(), 3u);
        QTRY_VERIFY(waiterAsleep(*params));
        QVERIFY(!waiter.done);
        QCOMPARE(registrations(*params), 1);
        QVERIFY(held->release().value());
        QTRY_VERIFY_WITH_TIMEOUT(waiter.done.load(), 8000);
        QVERIFY(waiter.result.ok());
        QCOMPARE(waiterProcess.statementCount(), 4u); // woken once, acquired at once
        QCOMPARE(registrations(*params), 0);          // dropped by the acquire itself
    }

    // The control: the same hand-off without notifications waits for the poll.
    void withoutNotificationsWaiterPolls() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager holderProcess(*params);
        LeaseManager waiterProcess(asWaiter(*params), slowPolling(false));
        auto held = holderProcess.tryLock(QStringLiteral("k"));
        QVERIFY(held.ok());

        Waiter waiter;
        waiter.start(waiterProcess, QStringLiteral("k"));
        QTRY_COMPARE(waiterProcess.statementCount(), 1u);
        QTRY_VERIFY(waiterAsleep(*params));
        QVERIFY(held->release().value());
        QTest::qWait(3000); // a control run: nothing may happen in this time
        QVERIFY(!waiter.done);
        QCOMPARE(waiterProcess.statementCount(), 1u);
    }

    void forceReleaseWakesWaiters() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager holderProcess(*params);
        LeaseManager waiterProcess(asWaiter(*params), slowPolling(true));
        auto held = holderProcess.tryLock(QStringLiteral("stuck"));
        QVERIFY(held.ok());
        Waiter waiter;
        waiter.start(waiterProcess, QStringLiteral("stuck"));
        QTRY_COMPARE(waiterProcess.statementCount(), 3u);
        QTRY_VERIFY(waiterAsleep(*params));
        auto forced = AdminActions::forceRelease(*params, QStringLiteral("stuck"), held->token(),
                                                 QStringLiteral("test"));
        QVERIFY(forced.ok());
        QCOMPARE(forced->outcome, ReleaseOutcome::Released);
        QTRY_VERIFY_WITH_TIMEOUT(waiter.done.load(), 8000);
        QVERIFY(waiter.result.ok());
    }

    // The point of migration 0007: releases nobody waits for send nothing.
    void uncontendedReleasesSendNoNotification() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ChannelCounter counter(*params);
        QVERIFY(counter.ok());
        LeaseManager service(*params);
        cycle(service, {QStringLiteral("job/0"), QStringLiteral("job/1"), QStringLiteral("job/2")},
              40);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(counter.drain());
        QCOMPARE(counter.keys(), QStringList());

        // The counter hears a release that someone waits for: exactly one.
        LeaseManager waiterProcess(asWaiter(*params), slowPolling(true));
        auto held = service.tryLock(QStringLiteral("job/0"));
        QVERIFY(held.ok());
        Waiter waiter;
        handOver(*held, waiter, waiterProcess, QStringLiteral("job/0"), 3, *params);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(waiter.result->release().value()); // nobody waits now: silent
        QVERIFY(counter.drain());
        QCOMPARE(counter.keys(), QStringList{QStringLiteral("job/0")});
    }

    // The control for the test above: a database migrated before 0007 has no
    // waiter table, and there every release notifies, as it always did.
    void beforeMigration7EveryReleaseNotifies() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY(test::TestDb::exec(
            *params, QStringLiteral("DROP FUNCTION lockscope_release_lease(text, text); "
                                    "DROP TABLE lockscope_release_waiters")));
        ChannelCounter counter(*params);
        QVERIFY(counter.ok());
        LeaseManager service(*params);
        cycle(service, {QStringLiteral("job")}, 5);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(counter.drain());
        QCOMPARE(counter.keys().size(), 5);

        // And a waiter there is still woken (it has nothing to register with):
        // attempt, LISTEN, attempt.
        LeaseManager waiterProcess(asWaiter(*params), slowPolling(true));
        auto held = service.tryLock(QStringLiteral("job"));
        QVERIFY(held.ok());
        Waiter waiter;
        handOver(*held, waiter, waiterProcess, QStringLiteral("job"), 2, *params);
    }

    // A registration whose time is up (its waiter died) costs no notification;
    // a live one of a waiter that died does, until it lapses.
    void lapsedRegistrationsAreIgnored() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY(test::TestDb::exec(
            *params, QStringLiteral("INSERT INTO lockscope_release_waiters VALUES "
                                    "('old', 'dead-waiter', extract(epoch from now()) - 1), "
                                    "('live', 'dead-waiter', extract(epoch from now()) + 600)")));
        ChannelCounter counter(*params);
        QVERIFY(counter.ok());
        LeaseManager service(*params);
        cycle(service, {QStringLiteral("old"), QStringLiteral("live")}, 2);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(counter.drain());
        QCOMPARE(counter.keys(), QStringList{QStringLiteral("live")});
        // A waiter registering for "old" clears the lapsed registration.
        LeaseManager waiterProcess(asWaiter(*params), slowPolling(true));
        auto held = service.tryLock(QStringLiteral("old"));
        QVERIFY(held.ok());
        auto gaveUp = waiterProcess.lock(QStringLiteral("old"), 300ms);
        QVERIFY(!gaveUp.ok());
        QCOMPARE(gaveUp.error().kind, ErrorKind::Timeout);
        QCOMPARE(
            countRows(*params, QStringLiteral("SELECT count(*) FROM "
                                              "lockscope_release_waiters WHERE lock_key = 'old'")),
            0); // the lapsed one swept, the waiter's own dropped when it gave up
    }

    // A waiter that gives up (timeout or cancel) leaves no registration behind.
    void waiterThatGivesUpUnregisters() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager holderProcess(*params);
        LeaseManager waiterProcess(asWaiter(*params), slowPolling(true));
        auto held = holderProcess.tryLock(QStringLiteral("k"));
        QVERIFY(held.ok());
        auto timedOut = waiterProcess.lock(QStringLiteral("k"), 500ms);
        QVERIFY(!timedOut.ok());
        QCOMPARE(timedOut.error().kind, ErrorKind::Timeout);
        QCOMPARE(registrations(*params), 0);

        Waiter waiter;
        waiter.start(waiterProcess, QStringLiteral("k"));
        QTRY_VERIFY(waiterAsleep(*params) && registrations(*params) == 1);
        waiter.cancel.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(waiter.done.load(), 8000);
        QCOMPARE(waiter.result.error().kind, ErrorKind::Cancelled);
        QCOMPARE(registrations(*params), 0);
    }

    // No wake-up is lost between a waiter's failed attempt and its registration:
    // two processes hand one key back and forth with polling so slow (10 to 30 s)
    // that a single lost wake-up shows as a wait of seconds. The race this
    // guards against (a release committed after the attempt, before the
    // registration) happens within the first few rounds when the waiter sleeps
    // without its attempt after registering.
    void noLostWakeUpsInAStream() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager a(*params, slowPolling(true));
        LeaseManager b(*params, slowPolling(true));
        constexpr int kRounds = 150;
        std::atomic<qint64> longestMs{0};
        std::atomic<int> failures{0};
        auto run = [&](LeaseManager &m) {
            for (int i = 0; i < kRounds; ++i) {
                QElapsedTimer t;
                t.start();
                auto lease = m.lock(QStringLiteral("stream"), 120s);
                const qint64 waited = t.elapsed();
                qint64 seen = longestMs.load();
                while (waited > seen && !longestMs.compare_exchange_weak(seen, waited)) {
                }
                if (!lease.ok() || !lease->release().value())
                    ++failures;
            }
        };
        std::thread ta(run, std::ref(a));
        std::thread tb(run, std::ref(b));
        ta.join();
        tb.join();
        QCOMPARE(failures.load(), 0);
        // A hand-off takes milliseconds; a lost wake-up at least 10 s.
        QVERIFY2(
            longestMs.load() < 8000,
            qPrintable(
                QStringLiteral("a waiter slept %1 ms: a wake-up was lost").arg(longestMs.load())));
        QCOMPARE(registrations(*params), 0);
    }
};

QTEST_GUILESS_MAIN(TestReleaseNotify)
#include "tst_releasenotify.moc"
