#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QString>

namespace lockscope {

// Redis URLs, as redis-cli and most client libraries write them:
//   redis://[user[:password]@]host[:port][/db][?prefix=P&connect_timeout=S]
//   rediss://…[?sslrootcert=/path/ca.crt]   (TLS; without sslrootcert the system CAs)
// The password is better left out of the URL: it comes from $REDISCLI_AUTH
// (redis-cli's convention) at connect time, and is never shown.
namespace RedisUrl {

Result<ConnectionParams> parse(const QString &text);
// The URL without the password: safe to show, store and hand to a child process.
QString display(const ConnectionParams &params);

} // namespace RedisUrl

} // namespace lockscope
