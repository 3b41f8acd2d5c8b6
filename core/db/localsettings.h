#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <chrono>
#include <functional>
#include <utility>

namespace lockscope {

// PostgreSQL: runs a few statements under settings of their own (a
// statement_timeout, a lock_timeout) that end with them, so the connection
// keeps what it had before -- its role's and database's defaults, or what its
// owner SET -- also when a statement failed. The settings are SET LOCAL in a
// transaction of the helper's own or, when the connection is already in one
// (the caller's), under a savepoint; either is ROLLED BACK at the end. So the
// statements must be reads or act outside transactions (a session-level
// advisory lock survives the rollback); a failure leaves the caller's
// transaction usable.
namespace LocalSettings {

using Settings = QList<std::pair<QString, QString>>; // name, value

Status run(const QSqlDatabase &db, const ConnectionParams &params, const QString &what,
           const Settings &settings, const std::function<Status(const QSqlDatabase &)> &body);

// PostgreSQL: opens a transaction in which no statement waits longer than
// `rowWait` for a lock another transaction holds (SET LOCAL lock_timeout; a
// wait past it fails with 55P03), for an admin write that must not hang on a
// row another program left locked. true: the transaction is open -- commit or
// roll it back; false: not PostgreSQL, or no transaction could be opened, and
// the statements run as before.
Result<bool> beginBoundedWrite(const QSqlDatabase &db, const ConnectionParams &params,
                               const QString &what, std::chrono::milliseconds rowWait);

} // namespace LocalSettings

} // namespace lockscope
