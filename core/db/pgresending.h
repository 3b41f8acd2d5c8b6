#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "db/pgstatement.h"
#include "db/threadconnections.h"

#include <QByteArray>

#include <atomic>
#include <functional>
#include <initializer_list>

namespace lockscope {

// A bounded statement that is safe to send twice (a renewal: it acts by the
// holder's token), on the calling thread's connection for `connection`.
// A connection found cut -- the server closed it while it sat idle, or the
// answer was lost on the way -- is closed and the statement sent once more on
// a new one while the bound leaves time, so a heartbeat keeps its margin
// instead of waiting an interval. A statement given up (Timeout, Cancelled)
// closes its connection, which may still be busy with it; the next call
// reconnects. `statements` counts each send.
namespace PgResending {

Result<PgRows> execBounded(const PgStatement &statement, const ConnectionParams &params,
                           const ThreadConnections::Key &connection,
                           std::initializer_list<QByteArray> values,
                           const std::function<QString()> &what, const PgStatement::Bound &bound,
                           std::atomic<quint64> &statements);

} // namespace PgResending

} // namespace lockscope
