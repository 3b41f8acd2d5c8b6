#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "load/loadconfig.h"
#include "load/loadsummary.h"

#include <chrono>
#include <functional>

namespace lockscope {

class CancelToken;

// The load generator's engine: `threads` workers in this process contend for
// `keys` keys (uniform or Zipf), each doing a read-pause-write critical section
// on the work table under the chosen lock (or none, the control). Runs off the
// GUI thread; reports a sample every `sampleInterval` and a summary at the end.
namespace LoadRunner {

using SampleCallback = std::function<void(const LoadSample &)>;

// Blocks until the duration or count is reached or `cancel` is cancelled; a
// cancel ends every wait and hold at once and releases every lock.
Result<LoadSummary> run(const ConnectionParams &params, const LoadConfig &config,
                        const CancelToken *cancel, const SampleCallback &onSample = {},
                        std::chrono::milliseconds sampleInterval = std::chrono::milliseconds(250));

// Creates the run's counters (once, before any process starts). While the
// server cannot be reached (restarting, say) it keeps trying, backing off, for
// up to `patience` or until `cancel`.
Status prepare(const ConnectionParams &params, const LoadConfig &config,
               const CancelToken *cancel = nullptr,
               std::chrono::milliseconds patience = std::chrono::seconds(30));

// After every process finished: reads the counters, computes violations (sections
// completed minus counter increments, per key and in total) and checks that no
// lease of the run is left; drops the run's counters. Like prepare(), it waits
// out a server that cannot be reached for up to `patience`.
Status finish(const ConnectionParams &params, LoadSummary &summary,
              const CancelToken *cancel = nullptr,
              std::chrono::milliseconds patience = std::chrono::seconds(30));

} // namespace LoadRunner

} // namespace lockscope
