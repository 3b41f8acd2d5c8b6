// A lease that renews itself, and reports at once when it is found gone.
#include "admin/adminactions.h"
#include "base/locklostnotifier.h"
#include "db/database.h"
#include "lease/leasemanager.h"
#include "lease/leasequeries.h"
#include "support/testdb.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <mutex>

using namespace lockscope;
using namespace std::chrono_literals;

class TestLeaseHeartbeat final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // With a 600 ms TTL renewed every 200 ms, the lease outlives its TTL many
    // times over, and nobody else can take it.
    void heartbeatKeepsTheLease_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void heartbeatKeepsTheLease() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseConfig config;
        config.ttl = 600ms;
        LeaseManager manager(params, config);
        LeaseManager other(params);
        auto lease = manager.tryLock(QStringLiteral("k"));
        QVERIFY(lease.ok());
        std::atomic<int> lost{0};
        lease->startHeartbeat([&](const QString &, const QString &) { ++lost; });
        QTest::qWait(2000); // a control of sorts: without renewal it would have expired 3 times
        QVERIFY(!other.tryLock(QStringLiteral("k")).ok());
        QCOMPARE(lost.load(), 0);
        QVERIFY(!lease->isLost());
        QVERIFY(lease->release().value()); // a release is not a loss
        QTest::qWait(300);
        QCOMPARE(lost.load(), 0);
    }

    // The control: the same lease without a heartbeat is taken over after its TTL.
    void withoutHeartbeatItExpires() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        LeaseConfig config;
        config.ttl = 600ms;
        LeaseManager manager(params, config);
        LeaseManager other(params);
        auto lease = manager.tryLock(QStringLiteral("k"));
        QVERIFY(lease.ok());
        QTRY_VERIFY_WITH_TIMEOUT(other.tryLock(QStringLiteral("k")).ok(), 5000);
    }

    void forceReleaseIsReportedAsLost_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void forceReleaseIsReportedAsLost() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseConfig config;
        config.ttl = 900ms;
        LeaseManager manager(params, config);
        auto lease = manager.tryLock(QStringLiteral("job"));
        QVERIFY(lease.ok());
        std::mutex mutex;
        QString reason;
        lease->startHeartbeat([&](const QString &key, const QString &why) {
            std::lock_guard lock(mutex);
            reason = key + QLatin1Char('|') + why;
        });
        QSignalSpy lostSignal(lease->lostNotifier(), &LockLostNotifier::lost);
        auto forced = AdminActions::forceRelease(params, QStringLiteral("job"), lease->token(),
                                                 QStringLiteral("test"));
        QCOMPARE(forced->outcome, ReleaseOutcome::Released);
        QTRY_VERIFY_WITH_TIMEOUT(lease->isLost(), 3000);
        QVERIFY(lostSignal.wait(3000) || lostSignal.size() == 1);
        QCOMPARE(lostSignal.first().at(0).toString(), QStringLiteral("job"));
        {
            std::lock_guard lock(mutex);
            QVERIFY2(reason.startsWith(QLatin1String("job|")) &&
                         reason.contains(QLatin1String("no longer held with this token")),
                     qPrintable(reason));
        }
        QVERIFY(!lease->release().value()); // it was not ours any more
    }

    void takeoverAfterExpiryIsReportedAsLost() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        LeaseConfig config;
        config.ttl = 400ms;
        LeaseManager manager(params, config);
        auto lease = manager.tryLock(QStringLiteral("k"));
        QVERIFY(lease.ok());
        // A heartbeat slower than the TTL: the lease expires between renewals,
        // and the holder is told when it could have expired, without waiting
        // for the renewal that would find it gone.
        lease->startHeartbeat({}, 1000ms);
        LeaseManager other(params);
        auto taken = other.lock(QStringLiteral("k"), 5s);
        QVERIFY(taken.ok());
        QTRY_VERIFY_WITH_TIMEOUT(lease->isLost(), 5000);
        QVERIFY2(lease->lostReason().contains(QLatin1String("could not be renewed before it could "
                                                            "expire")),
                 qPrintable(lease->lostReason()));
        QVERIFY(!lease->isTrusted());
        QVERIFY(taken->release().value()); // the new holder is untouched
    }
};

QTEST_GUILESS_MAIN(TestLeaseHeartbeat)
#include "tst_leaseheartbeat.moc"
