#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "lease/leaserow.h"

#include <QSqlDatabase>

#include <functional>

namespace lockscope {

// Read-only queries over aggregate_locks. They run on the calling thread with the
// connection given (a worker's own), and work on a table with only the four
// shared columns.
namespace LeaseQueries {

Result<LeaseSnapshot> snapshot(QSqlDatabase db, const ConnectionParams &params);
// The same, streamed: `firstRows` is called once, on the calling thread, with the
// first `firstCount` rows read (still ordered by key) while the rest is being
// read, so a viewer of a million rows can show some at once. Not called when the
// table has fewer rows than that.
Result<LeaseSnapshot> snapshot(QSqlDatabase db, const ConnectionParams &params, int firstCount,
                               const std::function<void(const LeaseSnapshot &)> &firstRows);
Result<std::optional<LeaseRow>> find(QSqlDatabase db, const ConnectionParams &params,
                                     const QString &key, double *dbNow = nullptr);
Result<double> databaseNow(QSqlDatabase db, const ConnectionParams &params);

} // namespace LeaseQueries

} // namespace lockscope
