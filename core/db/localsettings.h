#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

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

} // namespace LocalSettings

} // namespace lockscope
