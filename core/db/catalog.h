#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace lockscope {

// What the server says about the tables a connection sees. On PostgreSQL a
// bare name is resolved through the connection's search_path (to_regclass),
// the way LockScope's own statements resolve it, so a table of the same name in
// a schema the connection does not use never counts -- unlike
// QSqlDatabase::tables(), which lists every schema and names the ones outside
// `public` "schema.table". On SQLite: the main database. A failed look-up is an
// error, never "absent".
namespace Catalog {

// Whether `table` (a bare name) resolves to a relation on this connection.
Result<bool> hasTable(const QSqlDatabase &db, const ConnectionParams &params, const QString &table);

// The table's column names in their order; empty when it does not resolve.
Result<QStringList> columns(const QSqlDatabase &db, const ConnectionParams &params,
                            const QString &table);

} // namespace Catalog

} // namespace lockscope
