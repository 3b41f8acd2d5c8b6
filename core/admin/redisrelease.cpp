#include "admin/redisrelease.h"

#include "lease/redisleasescripts.h"
#include "redis/redisconnection.h"

namespace lockscope {

Result<ForceReleaseResult> RedisRelease::release(RedisConnection &connection, const QString &key,
                                                 const std::optional<QString> &expectedToken) {
    const QString what = QStringLiteral("release the lease '%1'").arg(key);
    const QByteArray redisKey = RedisLeaseScripts::leaseKey(connection.params(), key);
    ForceReleaseResult result;
    QByteArray expected;
    if (expectedToken) {
        expected = expectedToken->toUtf8();
    } else {
        auto read = connection.pipeline({{"TYPE", redisKey}, {"GET", redisKey}});
        if (!read.ok())
            return read.error();
        const QByteArray type = read->at(0).str;
        if (read->at(0).isError())
            return connection.replyError(read->at(0), what);
        if (type == "none")
            return result; // Absent
        if (type != "string")
            return Error{ErrorKind::InvalidArgument,
                         QStringLiteral("Not released: the Redis key '%1' is a %2, not a string "
                                        "lease; LockScope releases only string leases. Delete "
                                        "it with redis-cli if you are sure.")
                             .arg(key, QString::fromUtf8(type))};
        expected = read->at(1).str;
    }
    auto reply = RedisLeaseScripts::release().run(
        connection, {redisKey}, {expected, RedisLeaseScripts::releaseChannel()}, what);
    if (!reply.ok())
        return reply.error();
    result.previousToken = QString::fromUtf8(expected);
    if (reply->integer == 1) {
        result.outcome = ReleaseOutcome::Released;
        return result;
    }
    if (reply->integer == 0) {
        result.outcome = ReleaseOutcome::Absent;
        result.previousToken.clear();
        return result;
    }
    result.outcome = ReleaseOutcome::Changed;
    auto now = connection.command({"GET", redisKey});
    result.previousToken =
        now.ok() && now->isString() ? QString::fromUtf8(now->str) : QStringLiteral("?");
    return result;
}

} // namespace lockscope
