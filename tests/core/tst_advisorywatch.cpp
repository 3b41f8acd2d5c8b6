// An advisory lock's watch: it confirms a held lock in every key form, never
// reports an unlock as lost, and reports a session that ended (terminated) as
// lost at once, through the callback and the Qt signal.
#include "advisory/advisorylock.h"
#include "advisory/advisorylockwatch.h"
#include "db/database.h"
#include "support/testdb.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <atomic>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

bool terminate(const ConnectionParams &p, int pid) {
    ScopedConnection conn(p, QStringLiteral("terminate"));
    QSqlQuery q(conn.db());
    return q.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)) && q.next() &&
           q.value(0).toBool();
}

} // namespace

class TestAdvisoryWatch final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Each key form maps onto pg_locks' classid/objid/objsubid differently
    // (negative values included); a wrong mapping would report "lost" at once.
    void confirmsEveryKeyForm_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("xact");
        for (const char *k : {"42", "-7", "-9223372036854775808", "9223372036854775807", "1,2",
                              "-1,-2147483648", "text:orders/42", "text:ключ"}) {
            QTest::newRow(k) << QString::fromUtf8(k) << false;
        }
        QTest::newRow("xact 42") << QStringLiteral("42") << true;
    }
    void confirmsEveryKeyForm() {
        QFETCH(QString, key);
        QFETCH(bool, xact);
        QString why;
        const auto p = test::TestDb::freshPostgres(&why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const auto parsed = AdvisoryKey::parse(key);
        QVERIFY(parsed.ok());
        AdvisoryLockOptions options;
        options.scope = xact ? AdvisoryScope::Transaction : AdvisoryScope::Session;
        AdvisoryLock lock(*p, parsed.value(), options);
        QVERIFY(lock.lock(5s).ok());
        std::atomic<int> calls{0};
        QVERIFY(lock.startWatch([&calls](const QString &, const QString &) { ++calls; }, 20ms));
        QSignalSpy lost(lock.lostNotifier(), &LockLostNotifier::lost);
        // The watch's query found this very key held, several times over (a
        // query that matched nothing would declare it lost; one that failed
        // would confirm nothing).
        QTRY_VERIFY_WITH_TIMEOUT(lock.watchConfirmations() >= 3, 10000);
        QVERIFY2(!lock.isLost(), qPrintable(lock.lostReason()));
        QCOMPARE(calls.load(), 0);
        QVERIFY(xact ? lock.commit().ok() : lock.unlock().ok());
        // The unlock stopped (and joined) the watch first: nothing can come now.
        QVERIFY(!lock.isLost()); // an unlock is never a loss
        QCOMPARE(calls.load(), 0);
        QCOMPARE(lost.count(), 0);
    }

    // The check matches the exact key: a live session holding bigint 5 does not
    // hold 6, nor the pair (0,5), whose classid/objid are the same as 5's.
    void checkMatchesTheExactKey_data() {
        QTest::addColumn<QString>("watched");
        QTest::newRow("other bigint") << QStringLiteral("6");
        QTest::newRow("pair with the same halves") << QStringLiteral("0,5");
        QTest::newRow("text") << QStringLiteral("text:5");
    }
    void checkMatchesTheExactKey() {
        QFETCH(QString, watched);
        QString why;
        const auto p = test::TestDb::freshPostgres(&why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        AdvisoryLock lock(*p, AdvisoryKey::fromInt64(5));
        QVERIFY(lock.lock(5s).ok());
        AdvisoryLockWatch same(*p, AdvisoryKey::fromInt64(5), lock.backendPid(), 20ms, 5s, {});
        AdvisoryLockWatch other(*p, AdvisoryKey::parse(watched).value(), lock.backendPid(), 20ms,
                                5s, {});
        QTRY_VERIFY_WITH_TIMEOUT(other.isLost(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(same.confirmations() > 0, 5000);
        QVERIFY(!same.isLost());
    }

    // Two sessions: only the terminated one's watch fires.
    void onlyTheEndedSessionIsReportedLost() {
        QString why;
        const auto p = test::TestDb::freshPostgres(&why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        AdvisoryLock lock(*p, AdvisoryKey::fromInt64(5));
        QVERIFY(lock.lock(5s).ok());
        QVERIFY(lock.startWatch({}, 20ms));
        AdvisoryLock other(*p, AdvisoryKey::fromInt64(6));
        QVERIFY(other.lock(5s).ok());
        QVERIFY(other.startWatch({}, 20ms));
        QVERIFY(terminate(*p, lock.backendPid()));
        QTRY_VERIFY_WITH_TIMEOUT(lock.isLost(), 5000);
        // The other watch goes on confirming its own lock after the loss.
        const quint64 seen = other.watchConfirmations();
        QTRY_VERIFY_WITH_TIMEOUT(other.watchConfirmations() >= seen + 3, 10000);
        QVERIFY2(!other.isLost(), qPrintable(other.lostReason()));
        QVERIFY(other.unlock().ok());
    }

    void terminatedSessionIsReportedLost() {
        QString why;
        const auto p = test::TestDb::freshPostgres(&why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        AdvisoryLock lock(*p, AdvisoryKey::fromText(QStringLiteral("jobs/nightly")));
        QVERIFY(lock.lock(5s).ok());
        std::atomic<int> calls{0};
        QString callbackKey;
        QVERIFY(lock.startWatch(
            [&](const QString &key, const QString &) {
                callbackKey = key;
                ++calls;
            },
            50ms));
        QSignalSpy lost(lock.lostNotifier(), &LockLostNotifier::lost);
        QTRY_VERIFY_WITH_TIMEOUT(lock.watchConfirmations() >= 1, 10000);
        QVERIFY(!lock.isLost());
        QVERIFY(terminate(*p, lock.backendPid()));
        QTRY_VERIFY_WITH_TIMEOUT(lock.isLost(), 5000);
        QTRY_COMPARE(lost.count(), 1);
        QCOMPARE(calls.load(), 1);
        QCOMPARE(callbackKey, QStringLiteral("text:jobs/nightly"));
        QVERIFY2(lock.lostReason().contains(QLatin1String("is no longer held")),
                 qPrintable(lock.lostReason()));
        QVERIFY(lock.lostReason().contains(QString::number(lock.backendPid())));
        QVERIFY(!lock.connectionAlive());
        // Someone else can take it now.
        AdvisoryLock next(*p, AdvisoryKey::fromText(QStringLiteral("jobs/nightly")));
        auto got = next.tryLock();
        QVERIFY(got.ok() && got.value());
    }

    void watchNeedsAHeldLock() {
        QString why;
        const auto p = test::TestDb::freshPostgres(&why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        AdvisoryLock lock(*p, AdvisoryKey::fromInt64(1));
        QVERIFY(!lock.startWatch());
        QVERIFY(lock.lostNotifier() == nullptr);
        QVERIFY(!lock.isLost());
    }
};

QTEST_GUILESS_MAIN(TestAdvisoryWatch)
#include "tst_advisorywatch.moc"
