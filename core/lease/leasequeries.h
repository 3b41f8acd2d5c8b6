#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "lease/leaserow.h"

#include <QSqlDatabase>

namespace lockscope {

// Read-only queries over aggregate_locks. They run on the calling thread with the
// connection given (a worker's own), and work on a table with only the four
// shared columns.
namespace LeaseQueries {

Result<LeaseSnapshot> snapshot(QSqlDatabase db, const ConnectionParams &params);
Result<std::optional<LeaseRow>> find(QSqlDatabase db, const ConnectionParams &params,
                                     const QString &key, double *dbNow = nullptr);
Result<double> databaseNow(QSqlDatabase db, const ConnectionParams &params);

} // namespace LeaseQueries

} // namespace lockscope
