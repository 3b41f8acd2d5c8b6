#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "lease/leasesql.h"

#include <QList>
#include <QString>

#include <chrono>

namespace lockscope {

class CancelToken;

struct CycleBenchmarkConfig {
    int clients = 1; // threads, each with its own lease connection
    std::chrono::milliseconds duration{10'000};
    int keysPerClient = 64; // each client cycles over keys only it uses
    bool inProcessGate = true;
    // All clients on one key, waiting with lock() instead of tryLock(): the
    // same-process contention case, where the gate keeps waiters off the database.
    bool hotKey = false;
};

struct CycleBenchmarkResult {
    int clients = 0;
    qint64 cycles = 0;
    qint64 errors = 0;
    double seconds = 0;
    double cyclesPerSecond = 0;
    // Latency of one acquire + release cycle, milliseconds.
    double p50Ms = 0;
    double p90Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    quint64 statements = 0;
    double statementsPerCycle = 0;
};

// `lockctl bench cycle`: C threads, each doing tryLock + release on its own
// distinct keys with nothing in between, for a fixed time -- the cost of the lease
// protocol itself against the database's limit (compare with pgbench running the
// same two statements, bench/run).
namespace CycleBenchmark {

Result<CycleBenchmarkResult> run(const ConnectionParams &params, const CycleBenchmarkConfig &config,
                                 const CancelToken *cancel = nullptr);

// The two statements, with pgbench variables in place of the bound values, so
// that pgbench runs exactly what the lease manager sends.
QString pgbenchScript(const LeaseSql::Schema &schema);

} // namespace CycleBenchmark

} // namespace lockscope
