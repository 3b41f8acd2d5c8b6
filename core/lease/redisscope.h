#pragma once

#include "db/connectionparams.h"

#include <QByteArray>
#include <QString>

namespace lockscope {

// Which keys of a Redis database a listing (the GUI's Leases tab, `lockctl
// list`) reads, from the connection's key prefix and match glob (`?prefix=`,
// `?match=`; lockctl's --match stands in for the URL's match):
//
// - a prefix or a match: every key matching <prefix><match> (match `*` when
//   only a prefix is given) -- `?match=*` without a prefix is the whole
//   database, asked for explicitly;
// - neither: only LockScope's own locks, found by their fence counters
//   (SCAN MATCH lockscope:fence:*), never the whole keyspace. A shared
//   database's cache and session keys are neither scanned nor listed as
//   locks; keys other programs lock without LockScope need a match.
//
// Every variant reads with SCAN … MATCH in batches (never KEYS).
struct RedisScope {
    enum class Kind { Matching, LockScopeOnly };
    Kind kind = Kind::LockScopeOnly;
    QByteArray pattern; // the SCAN MATCH pattern
    QString glob;       // what the user asked for: <prefix><match>, unescaped

    // `match`: a Redis glob (* ? [..]) on the key without the prefix; empty:
    // the connection's own (ConnectionParams::redisMatch).
    static RedisScope of(const ConnectionParams &params, const QString &match = QString());
    // One sentence saying what is scanned, for the GUI and lockctl.
    QString describe(const ConnectionParams &params) const;
};

} // namespace lockscope
