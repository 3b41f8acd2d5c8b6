#include "lease/redisscope.h"

#include "base/visibletext.h"
#include "lease/redisinspector.h"
#include "lease/redisleasescripts.h"

#include <QCoreApplication>

namespace lockscope {

RedisScope RedisScope::of(const ConnectionParams &params, const QString &match) {
    RedisScope scope;
    const QString glob = match.isEmpty() ? params.redisMatch : match;
    if (params.redisPrefix.isEmpty() && glob.isEmpty()) {
        scope.kind = Kind::LockScopeOnly;
        scope.pattern = RedisLeaseScripts::internalPrefix() + "fence:*";
        return scope;
    }
    scope.kind = Kind::Matching;
    const QString effective = glob.isEmpty() ? QStringLiteral("*") : glob;
    scope.pattern = RedisInspector::escapeGlob(params.redisPrefix.toUtf8()) + effective.toUtf8();
    scope.glob = params.redisPrefix + effective;
    return scope;
}

QString RedisScope::describe(const ConnectionParams &params) const {
    if (kind == Kind::LockScopeOnly)
        return QCoreApplication::translate(
                   "lockscope::RedisScope",
                   "Listing LockScope's own locks in database %1 (found by their fence "
                   "counters): no key prefix or match is set, so the rest of the keyspace is "
                   "not scanned. Set a match glob (e.g. lock:*) to list other programs' locks "
                   "too; match * lists every key.")
            .arg(params.redisDb);
    if (glob == QLatin1String("*"))
        return QCoreApplication::translate("lockscope::RedisScope",
                                           "Listing every key of database %1 (match *).")
            .arg(params.redisDb);
    return QCoreApplication::translate("lockscope::RedisScope",
                                       "Listing the keys of database %1 that match %2.")
        .arg(params.redisDb)
        .arg(VisibleText::forDisplay(glob));
}

} // namespace lockscope
