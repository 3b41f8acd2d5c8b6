// The load generator's engine: histogram, key choice, and runs against real
// databases with and without a lock.
#include "base/canceltoken.h"
#include "db/database.h"
#include "lease/leasequeries.h"
#include "load/keychooser.h"
#include "load/latencyhistogram.h"
#include "load/loadrunner.h"
#include "support/testdb.h"

#include <QElapsedTimer>
#include <QTest>

#include <random>
#include <thread>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

LoadConfig contended(LoadMode mode) {
    LoadConfig c;
    c.mode = mode;
    c.threads = 4;
    c.keys = 2;
    c.holdMin = c.holdMax = 2ms;
    c.duration = 1500ms;
    c.runId = LoadConfig::newRunId();
    return c;
}

Result<LoadSummary> runAndFinish(const ConnectionParams &p, const LoadConfig &c,
                                 const CancelToken *cancel = nullptr,
                                 QList<LoadSample> *samples = nullptr) {
    if (auto s = LoadRunner::prepare(p, c); !s.ok())
        return s.error();
    auto summary = LoadRunner::run(p, c, cancel, [&](const LoadSample &s) {
        if (samples)
            samples->append(s);
    });
    if (!summary.ok())
        return summary;
    if (auto s = LoadRunner::finish(p, summary.value()); !s.ok())
        return s.error();
    return summary;
}

} // namespace

class TestLoadGenerator final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void histogramPercentiles() {
        LatencyHistogram h;
        for (int ms = 1; ms <= 1000; ++ms)
            h.recordNs(qint64(ms) * 1'000'000);
        QCOMPARE(h.count(), 1000);
        // Within the bucket resolution (1/32 of the value).
        QVERIFY(qAbs(h.percentileMs(0.50) - 500) <= 500 / 32.0 + 1);
        QVERIFY(qAbs(h.percentileMs(0.90) - 900) <= 900 / 32.0 + 1);
        QVERIFY(qAbs(h.percentileMs(0.99) - 990) <= 990 / 32.0 + 1);
        QCOMPARE(h.maxMs(), 1000.0);
        QVERIFY(qAbs(h.meanMs() - 500.5) < 0.01);
        QVERIFY(h.percentileMs(1.0) <= h.maxMs());

        LatencyHistogram a;
        LatencyHistogram b;
        for (int i = 0; i < 100; ++i)
            a.recordNs(1'000'000);
        for (int i = 0; i < 100; ++i)
            b.recordNs(100'000'000);
        a.merge(b);
        QCOMPARE(a.count(), 200);
        QVERIFY(a.percentileMs(0.25) < 1.1);
        QVERIFY(a.percentileMs(0.75) > 95);
        const LatencyHistogram round = LatencyHistogram::fromJson(a.toJson());
        QCOMPARE(round.count(), a.count());
        QCOMPARE(round.percentileMs(0.75), a.percentileMs(0.75));
        QCOMPARE(round.maxMs(), a.maxMs());
        QCOMPARE(LatencyHistogram().percentileMs(0.5), 0.0);
    }

    void histogramBuckets() {
        for (qint64 us : {0LL, 1LL, 31LL, 32LL, 33LL, 100LL, 1000LL, 123456LL, 9'999'999'999LL}) {
            const int b = LatencyHistogram::bucketOf(us);
            QVERIFY2(LatencyHistogram::upperEdgeUs(b) > us || b == LatencyHistogram::kBuckets - 1,
                     qPrintable(QString::number(us)));
            if (b > 0)
                QVERIFY(LatencyHistogram::upperEdgeUs(b - 1) <= us);
        }
    }

    void zipfKeysAreSkewed() {
        const KeyChooser uniform(4, 0);
        QVERIFY(qAbs(uniform.probability(0) - 0.25) < 1e-9);
        const KeyChooser zipf(10, 1.2);
        QVERIFY(zipf.probability(0) > zipf.probability(1));
        QVERIFY(zipf.probability(1) > zipf.probability(9));
        std::mt19937_64 rng(42);
        QList<int> hits(10, 0);
        for (int i = 0; i < 20000; ++i)
            ++hits[zipf.choose(rng)];
        QVERIFY(qAbs(hits[0] / 20000.0 - zipf.probability(0)) < 0.02);
        QVERIFY(hits[0] > hits[9] * 5);
    }

    void lockedRunHasNoViolations_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("mode");
        QTest::newRow("sqlite lease") << QStringLiteral("sqlite") << int(LoadMode::Lease);
        QTest::newRow("postgres lease") << QStringLiteral("postgres") << int(LoadMode::Lease);
        QTest::newRow("postgres advisory") << QStringLiteral("postgres") << int(LoadMode::Advisory);
    }
    void lockedRunHasNoViolations() {
        LOCKSCOPE_FRESH_DB(params);
        QFETCH(int, mode);
        QList<LoadSample> samples;
        auto summary = runAndFinish(params, contended(LoadMode(mode)), nullptr, &samples);
        QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().message));
        QVERIFY(summary->acquisitions > 0);
        QCOMPARE(summary->errors, 0);
        QCOMPARE(summary->violations, 0);
        QCOMPARE(summary->leftoverLeases, 0);
        qint64 sections = 0;
        for (const LoadKeyStats &k : std::as_const(summary->perKey)) {
            QCOMPARE(k.violations, 0);
            QCOMPARE(k.counter, k.completed);
            sections += k.completed;
        }
        QVERIFY(sections > 0);
        QCOMPARE(summary->latency.count(), summary->acquisitions);
        if (LoadMode(mode) == LoadMode::Lease)
            QVERIFY(summary->statementsPerAcquisition() >= 2.0);
        QVERIFY(samples.size() >= 3); // live samples a few times a second
        QVERIFY(samples.last().acquisitions <= summary->acquisitions);
    }

    // The control: the same workload without a lock loses updates.
    void controlWithoutLockHasViolations_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void controlWithoutLockHasViolations() {
        LOCKSCOPE_FRESH_DB(params);
        auto summary = runAndFinish(params, contended(LoadMode::None));
        QVERIFY(summary.ok());
        QVERIFY(summary->acquisitions > 0);
        QVERIFY2(summary->violations > 0,
                 qPrintable(QStringLiteral("%1 sections, 0 lost").arg(summary->acquisitions)));
        QCOMPARE(summary->statements, 0u);
    }

    void stopInTheMiddle_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void stopInTheMiddle() {
        LOCKSCOPE_FRESH_DB(params);
        LoadConfig c = contended(LoadMode::Lease);
        c.holdMin = c.holdMax = 200ms; // most threads are waiting or holding at the stop
        c.duration = 60s;
        CancelToken stop;
        std::thread stopper([&] {
            std::this_thread::sleep_for(700ms);
            stop.cancel();
        });
        QElapsedTimer clock;
        clock.start();
        auto summary = runAndFinish(params, c, &stop);
        const qint64 afterStop = clock.elapsed() - 700;
        stopper.join();
        QVERIFY(summary.ok());
        QVERIFY2(afterStop < 1000, qPrintable(QString::number(afterStop)));
        QCOMPARE(summary->leftoverLeases, 0);
        QCOMPARE(summary->violations, 0);
        ScopedConnection conn(params, QStringLiteral("check"));
        QCOMPARE(LeaseQueries::snapshot(conn.db(), params)->rows.size(), 0);
    }

    void countStopsTheRun() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        LoadConfig c = contended(LoadMode::Lease);
        c.duration.reset();
        c.count = 25;
        auto summary = runAndFinish(params, c);
        QVERIFY(summary.ok());
        QCOMPARE(summary->acquisitions, 25);
        QCOMPARE(summary->violations, 0);
    }

    void badConfigurations() {
        LoadConfig c = contended(LoadMode::Advisory);
        QCOMPARE(c.validate(false).error().kind, ErrorKind::InvalidArgument);
        QVERIFY(c.validate(false).error().message.contains(QLatin1String("needs PostgreSQL")));
        c.mode = LoadMode::Lease;
        c.threads = 0;
        QVERIFY(!c.validate(true).ok());
        c.threads = 2;
        c.holdMin = 10ms;
        c.holdMax = 1ms;
        QVERIFY(!c.validate(true).ok());
    }
};

QTEST_GUILESS_MAIN(TestLoadGenerator)
#include "tst_loadgenerator.moc"
