#include "bench/cyclebenchmark.h"

#include "base/canceltoken.h"
#include "base/lockkey.h"
#include "lease/leasemanager.h"
#include "lease/leasesql.h"
#include "load/latencyhistogram.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace lockscope {

namespace {

// Replaces the positional `?` placeholders, in order, with pgbench expressions.
QString substitute(QString sql, const QStringList &values) {
    qsizetype from = 0;
    for (const QString &value : values) {
        const qsizetype at = sql.indexOf(QLatin1Char('?'), from);
        if (at < 0)
            break;
        sql.replace(at, 1, value);
        from = at + value.size();
    }
    return sql;
}

} // namespace

Result<CycleBenchmarkResult> CycleBenchmark::run(const ConnectionParams &params,
                                                 const CycleBenchmarkConfig &config,
                                                 const CancelToken *cancel) {
    if (config.clients < 1 || config.clients > 256)
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate("lockscope::CycleBenchmark",
                                                 "--clients must be from 1 to 256, not %1.")
                         .arg(config.clients)};
    if (config.duration.count() < 1)
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate("lockscope::CycleBenchmark",
                                                 "--duration must be longer than zero.")};
    LeaseConfig leaseConfig;
    leaseConfig.inProcessGate = config.inProcessGate;
    LeaseManager manager(params, leaseConfig);

    // Fail fast (bad URL, missing table) before starting the clock.
    {
        auto probe = manager.tryLock(QStringLiteral("bench/probe"));
        if (!probe.ok() && probe.error().kind != ErrorKind::NotAcquired)
            return probe.error();
    }

    // Like pgbench, the clock starts once every client is connected: each
    // thread first runs one cycle of its own (opening its connection, logging
    // in, preparing its statements), and the run is measured from when the
    // last of them is ready. At 64 clients the logins alone (SCRAM) were a
    // tenth of a 10 s run's client CPU.
    std::atomic<bool> stop{false};
    std::atomic<bool> go{false};
    std::atomic<int> ready{0};
    std::atomic<qint64> errors{0};
    std::vector<LatencyHistogram> latencies(static_cast<size_t>(config.clients));
    std::vector<std::thread> threads;
    for (int c = 0; c < config.clients; ++c) {
        threads.emplace_back([&, c] {
            auto &mine = latencies[static_cast<size_t>(c)];
            QStringList keys;
            if (config.hotKey)
                keys << QStringLiteral("bench/hot");
            for (int k = 0; !config.hotKey && k < config.keysPerClient; ++k)
                keys << QStringLiteral("bench/%1/%2").arg(c).arg(k);
            {
                auto warm = manager.tryLock(QStringLiteral("bench/warm/%1").arg(c));
                if (warm.ok())
                    (void)warm->release();
            }
            ready.fetch_add(1);
            ready.notify_all();
            go.wait(false);
            QElapsedTimer timer;
            for (qint64 i = 0; !stop.load(std::memory_order_relaxed); ++i) {
                timer.start();
                const QString &key = keys.at(static_cast<qsizetype>(i % keys.size()));
                auto lease = config.hotKey ? manager.lock(key, std::chrono::seconds(60), cancel)
                                           : manager.tryLock(key);
                if (!lease.ok()) {
                    ++errors;
                    continue;
                }
                auto released = lease->release();
                if (!released.ok() || !released.value()) {
                    ++errors;
                    continue;
                }
                mine.recordNs(timer.nsecsElapsed());
            }
        });
    }
    for (int n = ready.load(); n < config.clients; n = ready.load())
        ready.wait(n);
    const auto statementsBefore = manager.statementCount();
    QElapsedTimer wall;
    wall.start();
    go = true;
    go.notify_all();
    const auto deadline = std::chrono::steady_clock::now() + config.duration;
    if (cancel) {
        while (std::chrono::steady_clock::now() < deadline &&
               !cancel->sleepFor(std::chrono::duration_cast<std::chrono::milliseconds>(
                   deadline - std::chrono::steady_clock::now()))) {
        }
    } else {
        std::this_thread::sleep_until(deadline);
    }
    stop = true;
    for (auto &t : threads)
        t.join();
    const double seconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;

    LatencyHistogram all;
    for (const auto &l : latencies)
        all.merge(l);

    CycleBenchmarkResult r;
    r.clients = config.clients;
    r.cycles = all.count();
    r.errors = errors.load();
    r.seconds = seconds;
    r.cyclesPerSecond = seconds > 0 ? static_cast<double>(r.cycles) / seconds : 0;
    r.p50Ms = all.percentileMs(0.50);
    r.p90Ms = all.percentileMs(0.90);
    r.p99Ms = all.percentileMs(0.99);
    r.maxMs = all.maxMs();
    // The probe's and the warm-up cycles' statements came before the clock.
    r.statements = manager.statementCount() - statementsBefore;
    r.statementsPerCycle =
        r.cycles > 0 ? static_cast<double>(r.statements) / static_cast<double>(r.cycles) : 0;
    return r;
}

QString CycleBenchmark::pgbenchScript(const LeaseSql::Schema &schema) {
    const QString key = QStringLiteral("('bench/pgb' || :client_id || '/' || :k)");
    const QString token = QStringLiteral("('pgbench/' || :client_id || '/' || :k)");
    return QStringLiteral("\\set k random(0, 63)\n") +
           substitute(LeaseSql::acquire(Driver::Postgres, schema.fences, false, schema.guarded()),
                      {key, token, QStringLiteral("30.0")}) +
           QStringLiteral(";\n") +
           substitute(
               LeaseSql::release(Driver::Postgres, schema.waiters, LeaseConfig().durableRelease),
               {key, token}) +
           QStringLiteral(";\n");
}

} // namespace lockscope
