#pragma once

#include "base/result.h"
#include "redis/redisconnection.h"

#include <QString>

namespace lockscope {

// FencedWrite on Redis: the resource's highest accepted fence is the key
// lockscope:resource:<prefix>RESOURCE. In one MULTI/EXEC under WATCH (retried
// when another client changed that key meanwhile): if `fence` is at least the
// highest accepted, the fence is raised and `writes` run; else nothing is
// written and the answer is false (a newer holder already wrote).
// `connection` is the WORK connection, not the lock's.
namespace RedisFencedWrite {

Result<bool> apply(RedisConnection &connection, const QString &resource, qint64 fence,
                   const QList<RedisConnection::Command> &writes = {});
Result<qint64> highest(RedisConnection &connection, const QString &resource);
QByteArray fenceKey(const ConnectionParams &params, const QString &resource);

} // namespace RedisFencedWrite

} // namespace lockscope
