#pragma once

#include "load/loadconfig.h"
#include "load/loadsummary.h"

#include <QCoreApplication>
#include <QString>

namespace lockscope::ui {

// The Load tab's sentences: what a sample shows while a run goes on, what a
// finished run found (per mode: lost updates; a semaphore's most holders
// inside at once against its permits; a reader-writer lease's overlaps of a
// writer with anyone), and what is wrong with a workload before it starts.
// In the LoadPanel's translation context, where these sentences always were.
class LoadVerdict final {
    Q_DECLARE_TR_FUNCTIONS(lockscope::ui::LoadPanel)

public:
    static QString live(const LoadSample &sample, const LoadConfig &config);
    static QString finished(const LoadSummary &summary, const LoadConfig &config);
    // Empty when the workload can run; otherwise one sentence that says what
    // to change (the checks of `lockctl load`, in the panel's words).
    static QString problem(const LoadConfig &config, int readers, int writers);
};

} // namespace lockscope::ui
