#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace lockscope {

class SqliteStatement;

// One named connection per thread, per purpose and per database. A connection
// belongs to the thread that opened it; it is closed and removed when that
// thread ends (or when drop() is called after the connection was lost).
namespace ThreadConnections {

// Names a purpose on a database; compute it once (it hashes the parameters)
// and reuse it on hot paths.
struct Key {
    Key(const ConnectionParams &params, const QString &purpose);
    QString prefix;
};

// The calling thread's connection for `purpose` ("lease", "work", …), opened on
// first use and reopened after drop().
Result<QSqlDatabase> get(const ConnectionParams &params, const QString &purpose);
Result<QSqlDatabase> get(const ConnectionParams &params, const Key &key);

// A statement prepared once on the calling thread's connection for the key and
// reused (one round trip per execution on PostgreSQL). The pointer stays valid
// until drop() or the end of the thread. Call finish() after reading its rows.
Result<QSqlQuery *> prepared(const ConnectionParams &params, const Key &key, const QString &sql);
Result<QSqlQuery *> prepared(const ConnectionParams &params, const QString &purpose,
                             const QString &sql);

// The same through the SQLite C API (SqliteStatement), for SQLite's hot paths;
// finalized before its connection closes.
Result<SqliteStatement *> sqlitePrepared(const ConnectionParams &params, const Key &key,
                                         const QString &sql);

// Forgets the calling thread's connection so the next get() reconnects.
void drop(const ConnectionParams &params, const QString &purpose);
void drop(const Key &key);

// How many connections the calling thread holds (for tests).
int countOnThisThread();

} // namespace ThreadConnections

} // namespace lockscope
