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
    // Renewed every TTL/3, the lease outlives its TTL, and nobody else can take
    // it: checked once the database clock is well past the first expiry.
    void heartbeatKeepsTheLease_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void heartbeatKeepsTheLease() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseConfig config;
        config.ttl = 1500ms;
        LeaseManager manager(params, config);
        LeaseManager other(params);
        auto lease = manager.tryLock(QStringLiteral("k"));
        QVERIFY(lease.ok());
        const double firstExpiry = lease->expiresAt();
        std::atomic<int> lost{0};
        lease->startHeartbeat([&](const QString &, const QString &) { ++lost; });
        ScopedConnection clock(params, QStringLiteral("clock"));
        auto dbNow = [&] {
            auto now = LeaseQueries::databaseNow(clock.db(), params);
            return now.ok() ? now.value() : 0.0;
        };
        // Without renewals it would have expired by now.
        QTRY_VERIFY_WITH_TIMEOUT(dbNow() > firstExpiry + 1.0, 20000);
        QVERIFY(lease->expiresAt() > firstExpiry); // renewed
        QVERIFY(!other.tryLock(QStringLiteral("k")).ok());
        QCOMPARE(lost.load(), 0);
        QVERIFY2(!lease->isLost(), qPrintable(lease->lostReason()));
        QVERIFY(lease->release().value()); // a release is not a loss
        // release() stopped and joined the heartbeat first: nothing can come now.
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
