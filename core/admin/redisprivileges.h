#pragma once

#include "base/result.h"
#include "db/privileges.h"

namespace lockscope {

class RedisConnection;

// What the connection's ACL user may do on Redis, found without changing
// anything: the release runs by EVALSHA, and every admin action is recorded
// with XADD on the audit stream. Each is probed with a command the ACL checks
// before it runs and that then fails harmlessly (EVALSHA of an unknown script:
// NOSCRIPT; XADD without fields: a wrong-arity error), so NOPERM means the user
// may not. The commands a script runs inside (DEL, PUBLISH) are checked by the
// server when it runs; a user refused those gets the NOPERM error then.
// Backends cannot be signalled on Redis (canSignalBackends is false).
namespace RedisPrivileges {

Result<Privileges> check(RedisConnection &connection);

} // namespace RedisPrivileges

} // namespace lockscope
