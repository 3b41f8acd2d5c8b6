#pragma once

#include "db/connectionparams.h"
#include "server/serverstatus.h"

namespace lockscope {

// Looks at one server on the calling (worker) thread with a connection of its
// own, opened and closed here: reachable or why not, held and expired leases,
// sessions waiting for a lock and the longest wait. The connect is bounded by
// `connectTimeoutS` (at most the profile's own), every statement by a
// statement_timeout, so a probe of a server that does not answer ends.
namespace ServerProbe {
inline constexpr int kConnectTimeoutS = 3;
ServerStatus probe(ConnectionParams params, int connectTimeoutS = kConnectTimeoutS);
} // namespace ServerProbe

} // namespace lockscope
