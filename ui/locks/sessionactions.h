#pragma once

#include "db/connectionparams.h"
#include "server/serverlock.h"

#include <QList>
#include <QString>

namespace lockscope::ui {

// Cancelling or terminating several sessions at once, from the Locks tab: one
// confirmation that names every session, then each signal sent (and audited)
// on the worker's own connection.
namespace SessionActions {

// The sessions among `sessions` that can be signalled (a live backend, not a
// prepared transaction or a session that is gone).
QList<ServerSession> signallable(const QList<ServerSession> &sessions);

// The confirmation: every pid, user, application and last query.
QString confirmation(const QList<ServerSession> &sessions, bool terminate);

// Runs on a worker thread: signals each pid (BackendActions, each audited) and
// returns one line per session saying what happened.
QString run(const ConnectionParams &params, const QList<int> &pids, bool terminate);

} // namespace SessionActions

} // namespace lockscope::ui
