#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QString>

namespace lockscope {

// Signals a PostgreSQL backend (for example the holder of an advisory lock that
// forty sessions wait behind), on a connection of its own, audited like every
// admin action -- refusals included.
namespace BackendActions {

// pg_cancel_backend: cancels the backend's current statement. true when the
// signal was sent; false when no such backend exists any more.
Result<bool> cancelBackend(const ConnectionParams &params, int pid, const QString &tool);
// pg_terminate_backend: ends the backend's session (its session locks go with it).
Result<bool> terminateBackend(const ConnectionParams &params, int pid, const QString &tool);

} // namespace BackendActions

} // namespace lockscope
