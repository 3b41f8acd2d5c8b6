#pragma once

#include "admin/adminactions.h"
#include "base/result.h"

#include <QString>

#include <optional>

namespace lockscope {

class RedisConnection;

// An operator's release of a Redis lease, never unconditional: with
// `expectedToken` it deletes the key only while it holds that value; without,
// it reads the value and then deletes the key only if it still holds what was
// read (compare-and-delete in one script), so a lease re-acquired in between
// is left alone (Changed). Both publish the release, as a holder's release does.
// A key of another type than string is refused (not a lease LockScope knows).
namespace RedisRelease {

Result<ForceReleaseResult> release(RedisConnection &connection, const QString &key,
                                   const std::optional<QString> &expectedToken);
// The operator's action: release() on a connection of its own, recorded in the
// audit stream (RedisAuditLog) whatever the outcome, refusals included;
// `audited` says whether the record was written.
Result<ForceReleaseResult> forceRelease(const ConnectionParams &params, const QString &key,
                                        const std::optional<QString> &expectedToken,
                                        const QString &tool);

} // namespace RedisRelease

} // namespace lockscope
