#pragma once

#include "advisory/advisorylock.h"
#include "base/result.h"

#include <QString>

#include <chrono>
#include <optional>

namespace lockscope {

// Semaphore: every key a counting semaphore of `permits`; Rw: every key a
// reader-writer lease, `readers` of the threads read and `writers` write.
enum class LoadMode { Lease, Advisory, None, Semaphore, Rw };

// One load run, as `lockctl load` and the GUI's Load tab set it up.
struct LoadConfig {
    LoadMode mode = LoadMode::Lease;
    AdvisoryScope advisoryScope = AdvisoryScope::Session;
    int threads = 4;
    int processes = 0; // child processes, each with `threads` threads, besides this one
    int keys = 3;
    double skew = 0; // 0 uniform; s > 0 Zipf
    std::chrono::milliseconds holdMin{2};
    std::chrono::milliseconds holdMax{2};
    std::chrono::milliseconds ttl{30'000};
    std::chrono::milliseconds maxWait{10'000};
    std::optional<std::chrono::milliseconds> duration = std::chrono::milliseconds(10'000);
    std::optional<qint64> count; // stop after this many acquisitions (this process)
    QString runId;               // names the keys and the counters of this run
    int permits = 3;             // Semaphore
    int readers = 0;             // Rw: threads that read (the others write)
    // Semaphore, THE CONTROL: admit by counting the holders, then inserting
    // (LeaseConfig::semaphoreByCounting), which over-admits.
    bool admitByCounting = false;
    // Rw, THE CONTROL: the same readers and writers enter the section without
    // any lock, so writers overlap.
    bool noLock = false;

    QString keyName(int index) const;
    static QString modeName(LoadMode mode);
    static Result<LoadMode> parseMode(const QString &name);
    static QString newRunId();
    Status validate(bool isPostgres, bool isRedis = false) const;
};

} // namespace lockscope
