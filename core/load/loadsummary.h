#pragma once

#include "load/latencyhistogram.h"
#include "load/loadconfig.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace lockscope {

struct LoadKeyStats {
    QString key;
    qint64 acquisitions = 0;
    qint64 completed = 0; // critical sections that wrote their counter
    qint64 timeouts = 0;
    qint64 counter = -1; // the work table's value at the end (-1 until read)
    qint64 violations = 0;
    double waitTotalMs = 0;
    double waitMaxMs = 0;
};

// One worker thread: how much it did and its longest stall, so a run through an
// outage shows that every worker came back (times are epoch seconds).
struct LoadWorkerStats {
    qint64 pid = 0;
    int thread = 0;
    qint64 acquisitions = 0;
    double lastAcquiredAt = 0; // 0: never acquired
    double longestGapS = 0;    // longest time from the start or one acquisition to the next
};

// A point on the live charts: the interval since the previous sample.
struct LoadSample {
    double elapsedS = 0;
    qint64 acquisitions = 0; // so far
    qint64 timeouts = 0;     // so far
    double throughputPerS = 0;
    double p50Ms = 0;
    double p90Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    QList<LoadKeyStats> perKey; // so far, this process (when there are at most 1000 keys)
    // Semaphore and Rw, when whoever shows the sample read the probe
    // (LoadInside::figures, every process of the run): the most holders inside
    // one key at once so far, and the entries that overlapped a writer so far;
    // then perKey's `counter` is the key's most inside and `violations` its
    // holders beyond the permits (Semaphore) or its overlaps (Rw). -1: not read.
    qint64 maxInside = -1;
    qint64 overlaps = -1;
};

struct LoadSummary {
    LoadMode mode = LoadMode::Lease;
    QString runId;
    int threads = 0;
    int processes = 0;
    double seconds = 0;
    qint64 acquisitions = 0;
    qint64 timeouts = 0;
    qint64 takeovers = 0;
    qint64 errors = 0;
    qint64 violations = 0;
    quint64 statements = 0;
    qint64 leftoverLeases = -1; // lease rows of this run left after it (-1: not checked)
    QString firstError;
    // Semaphore: the permits and the most holders ever inside one key's
    // section at once (must never exceed the permits); Rw: entries that
    // overlapped a writer. -1: not this mode, or not checked.
    int permits = 0;
    qint64 maxInside = -1;
    qint64 overlaps = -1;
    LatencyHistogram readWait;  // Rw: a reader's wait (asked -> holding)
    LatencyHistogram writeWait; // Rw: a writer's wait
    LatencyHistogram latency;   // acquire latency (asked -> holding)
    QList<LoadKeyStats> perKey;
    QList<LoadWorkerStats> workers;

    double throughputPerS() const { return seconds > 0 ? acquisitions / seconds : 0; }
    double statementsPerAcquisition() const {
        return acquisitions ? static_cast<double>(statements) / acquisitions : 0;
    }
    // Adds another process's part (counts, histogram, per-key sections).
    void merge(const LoadSummary &other);
    QJsonObject toJson(bool withHistogram = false) const;
    static LoadSummary fromJson(const QJsonObject &o);
};

} // namespace lockscope

Q_DECLARE_METATYPE(lockscope::LoadSample)
