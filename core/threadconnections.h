#pragma once

#include "connectionparams.h"
#include "result.h"

#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace lockscope {

// One named connection per thread, per purpose and per database. A connection
// belongs to the thread that opened it; it is closed and removed when that
// thread ends (or when drop() is called after the connection was lost).
namespace ThreadConnections {

// The calling thread's connection for `purpose` ("lease", "work", …), opened on
// first use and reopened after drop().
Result<QSqlDatabase> get(const ConnectionParams &params, const QString &purpose);

// A statement prepared once on the calling thread's connection for `purpose` and
// reused (one round trip per execution on PostgreSQL). The pointer stays valid
// until drop() or the end of the thread. Call finish() after reading its rows.
Result<QSqlQuery *> prepared(const ConnectionParams &params, const QString &purpose,
                             const QString &sql);

// Forgets the calling thread's connection so the next get() reconnects.
void drop(const ConnectionParams &params, const QString &purpose);

// How many connections the calling thread holds (for tests).
int countOnThisThread();

} // namespace ThreadConnections

} // namespace lockscope
