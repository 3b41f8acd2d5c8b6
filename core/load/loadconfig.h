#pragma once

#include "advisory/advisorylock.h"
#include "base/result.h"

#include <QString>

#include <chrono>
#include <optional>

namespace lockscope {

enum class LoadMode { Lease, Advisory, None };

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

    QString keyName(int index) const;
    static QString modeName(LoadMode mode);
    static Result<LoadMode> parseMode(const QString &name);
    static QString newRunId();
    Status validate(bool isPostgres, bool isRedis = false) const;
};

} // namespace lockscope
