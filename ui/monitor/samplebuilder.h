#pragma once

#include "advisory/advisoryrow.h"
#include "lease/leaserow.h"
#include "monitor/monitorsample.h"
#include "server/serverwaits.h"

#include <QList>

#include <optional>

namespace lockscope::ui {

// Turns what a refresh read into a MonitorSample. Pure (no database): runs on
// the refresh's worker thread.
namespace SampleBuilder {

// `dbNow`: the database clock when the leases were read; `advisory`/`waits`:
// nullopt when not read (SQLite, or the read failed).
MonitorSample build(double localNow, const QList<LeaseRow> &leases, double dbNow,
                    const std::optional<QList<AdvisoryLockRow>> &advisory,
                    const std::optional<QList<WaitingSession>> &waits);

} // namespace SampleBuilder

} // namespace lockscope::ui
