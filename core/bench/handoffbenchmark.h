#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace lockscope {

struct HandoffConfig {
    int rounds = 200;                  // hand-offs to measure
    std::chrono::milliseconds hold{2}; // how long each holder keeps the key
    // Cross-process: how long a holder waits after its release before asking
    // again, so that the others get their turn (0: a steady stream of requests).
    std::optional<std::chrono::milliseconds> pause;
    bool releaseNotifications = true; // PostgreSQL LISTEN/NOTIFY wake-ups
    bool inProcessGate = true;
    std::chrono::milliseconds retryInterval{50};
    QString key = QStringLiteral("bench/handoff");
};

struct LatencySummary {
    int count = 0;
    double p50Ms = 0;
    double p90Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    static LatencySummary of(QList<double> samplesMs);
};

struct HandoffResult {
    LatencySummary handoff;   // release committed -> the next holder returns from lock()
    LatencySummary roundTrip; // one acquire statement, for comparison
    quint64 statements = 0;
    qint64 acquisitions = 0;
};

// One process's record of its acquisitions, in wall-clock microseconds (the same
// clock in every process on the machine), for cross-process hand-offs.
struct HolderEvent {
    qint64 askedUs = 0; // lock() called
    qint64 acquiredUs = 0;
    qint64 releasedUs = 0;
    int holder = 0;
};

// Hand-off latency: how long a key stays idle between one holder's release and
// the next holder's return from lock(). Threads of one process hand off through
// the in-process gate; processes through the database (a NOTIFY, or polling).
namespace HandoffBenchmark {

// Two threads of this process alternate on one key.
Result<HandoffResult> runThreads(const ConnectionParams &params, const HandoffConfig &config);

// This process's part of a cross-process run: `rounds` acquisitions, each held
// for `hold`, then `pause` (default 1.6 x the retry interval: longer than a
// polling waiter needs to notice, shorter than the others' hold, so the others
// are always waiting at a release and always get their turn) before asking
// again. Returns the events.
Result<QList<HolderEvent>> runHolder(const ConnectionParams &params, const HandoffConfig &config,
                                     int holderId, QList<double> *roundTripsMs);

// Merges the events of all processes: an acquisition right after another
// process's release, by a holder that was already waiting when that release
// committed, is one cross-process hand-off.
LatencySummary crossProcessHandoffs(QList<HolderEvent> events);

qint64 wallClockUs();

} // namespace HandoffBenchmark

} // namespace lockscope
