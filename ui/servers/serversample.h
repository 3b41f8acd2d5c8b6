#pragma once

#include "db/connectionparams.h"
#include "lease/ownerrule.h"
#include "monitor/monitorsample.h"

#include <optional>

namespace lockscope::ui {

// What the alert rules need from one server of the Servers view, read on the
// probe's worker thread with a connection of its own (opened after the probe's
// closed, so a probe never holds more than one): the leases with whether each
// owner is still connected, and on PostgreSQL the waiting sessions; built into
// a MonitorSample as an inspector refresh builds it. The connect is bounded as
// the probe's, every statement by a statement_timeout. nullopt when the server
// could not be read (the probe says why). Redis profiles are not probed.
namespace ServerSample {
std::optional<MonitorSample> read(ConnectionParams params, int connectTimeoutS,
                                  const OwnerRule &rule);
} // namespace ServerSample

} // namespace lockscope::ui
