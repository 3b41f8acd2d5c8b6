#pragma once

#include "db/connectionparams.h"
#include "redis/redisconnection.h"

#include <QString>

namespace lockscope {

// The calling thread's own RedisConnection per database and purpose, created on
// first use and destroyed on that thread when it ends (as ThreadConnections
// does for SQL connections). The connection connects lazily and reconnects
// after a loss by itself.
namespace RedisThreadConnections {

RedisConnection &get(const ConnectionParams &params, const QString &purpose);
// The same by a name from nameFor(), for callers on a hot path: the name
// formats the URL, which costs more than a lease cycle's own work.
RedisConnection &get(const QString &name, const ConnectionParams &params);
QString nameFor(const ConnectionParams &params, const QString &purpose);
// Destroys the calling thread's connection for the purpose (tests, restarts).
void drop(const ConnectionParams &params, const QString &purpose);

} // namespace RedisThreadConnections

} // namespace lockscope
