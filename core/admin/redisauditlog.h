#pragma once

#include "admin/auditlog.h"
#include "base/result.h"
#include "db/connectionparams.h"

#include <QByteArray>
#include <QList>

namespace lockscope {

class RedisConnection;

// The audit trail on Redis: a stream per lock namespace,
// lockscope:audit:<prefix>, capped with XADD … MAXLEN ~ kMaxEntries (Redis
// trims whole nodes, so a few more may stay). An entry's id is the stream id
// (milliseconds * 1000 + sequence) and its time the server's clock at XADD.
namespace RedisAuditLog {

constexpr int kMaxEntries = 10'000;

QByteArray streamKey(const ConnectionParams &params);
// Fills osUser, osHost and dbUser (the ACL user) when empty.
Status record(RedisConnection &connection, AuditEntry entry);
// The latest `limit` entries that pass `filter`, newest first (XREVRANGE in pages).
Result<QList<AuditEntry>> recent(RedisConnection &connection, int limit,
                                 const AuditFilter &filter = {});

} // namespace RedisAuditLog

} // namespace lockscope
