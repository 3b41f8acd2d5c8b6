// PostgreSQL: a release in one process wakes the database waiters of another at
// once (LISTEN/NOTIFY); polling is only the fallback.
#include "admin/adminactions.h"
#include "base/canceltoken.h"
#include "db/database.h"
#include "lease/leasemanager.h"
#include "support/testdb.h"

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
                               "pg_stat_activity WHERE application_name = '%1'")
                    .arg(QLatin1String(kWaiterApp))) ||
        !q.next())
        return false;
    return q.value(0).toInt() == 0 && q.value(1).toInt() > 0;
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
        // First attempt, LISTEN, second attempt: now it sleeps on the wake-up.
        QTRY_COMPARE(waiterProcess.statementCount(), 2u);
        QTRY_VERIFY(waiterAsleep(*params));
        QVERIFY(!waiter.done);
        QVERIFY(held->release().value());
        QTRY_VERIFY_WITH_TIMEOUT(waiter.done.load(), 8000);
        QVERIFY(waiter.result.ok());
        QCOMPARE(waiterProcess.statementCount(), 3u); // woken once, acquired at once
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
        QTRY_COMPARE(waiterProcess.statementCount(), 2u);
        QTRY_VERIFY(waiterAsleep(*params));
        auto forced = AdminActions::forceRelease(*params, QStringLiteral("stuck"), held->token(),
                                                 QStringLiteral("test"));
        QVERIFY(forced.ok());
        QCOMPARE(forced->outcome, ReleaseOutcome::Released);
        QTRY_VERIFY_WITH_TIMEOUT(waiter.done.load(), 8000);
        QVERIFY(waiter.result.ok());
    }
};

QTEST_GUILESS_MAIN(TestReleaseNotify)
#include "tst_releasenotify.moc"
