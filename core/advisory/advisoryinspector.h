#pragma once

#include "advisory/advisoryrow.h"
#include "base/result.h"
#include "db/connectionparams.h"

#include <QSqlDatabase>

#include <chrono>

namespace lockscope {

// Every advisory lock held or awaited on the server, for `lockctl advisory` and
// the GUI's Advisory tab. Runs on the caller's (worker) connection.
namespace AdvisoryInspector {

// The inspector's own statement runs under `statementTimeout`, so a server whose
// catalogs are locked up never freezes the caller. On SQLite: Unsupported, with a
// sentence to show.
Result<AdvisorySnapshot>
snapshot(QSqlDatabase db, const ConnectionParams &params,
         std::chrono::milliseconds statementTimeout = std::chrono::milliseconds(5000));

// Root blockers first (sessions that block others and wait for nobody), each with
// the sessions waiting behind it, recursively; then holders that block nobody.
QList<BlockingNode> blockingTree(const AdvisorySnapshot &snapshot);

// Parses PostgreSQL's text form of an int[] ("{1,2,3}").
QList<int> parseIntArray(const QString &text);

} // namespace AdvisoryInspector

} // namespace lockscope
