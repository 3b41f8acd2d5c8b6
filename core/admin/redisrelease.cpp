#include "admin/redisrelease.h"

#include "admin/redisauditlog.h"
#include "base/lockkey.h"
#include "lease/redisleasescripts.h"
#include "redis/redisconnection.h"

#include <QCoreApplication>

namespace lockscope {

Result<ForceReleaseResult> RedisRelease::release(RedisConnection &connection, const QString &key,
                                                 const std::optional<QString> &expectedToken) {
    const QString what =
        QCoreApplication::translate("lockscope::RedisRelease", "release the lease '%1'").arg(key);
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
                         QCoreApplication::translate(
                             "lockscope::RedisRelease",
                             "Not released: the Redis key '%1' is a %2, not a string "
                             "lease; LockScope releases only string leases. Delete "
                             "it with redis-cli if you are sure.")
                             .arg(key, QString::fromUtf8(type))};
        expected = read->at(1).str;
    }
    auto reply = RedisLeaseScripts::release().run(
        connection, {redisKey, RedisLeaseScripts::waitersKey(connection.params(), key)},
        {expected, RedisLeaseScripts::releaseChannel()}, what);
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

Result<ForceReleaseResult> RedisRelease::forceRelease(const ConnectionParams &params,
                                                      const QString &key,
                                                      const std::optional<QString> &expectedToken,
                                                      const QString &tool) {
    if (auto valid = LockKey::validateExisting(key); !valid.ok())
        return valid.error();
    if (expectedToken && expectedToken->isEmpty())
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate(
                         "lockscope::RedisRelease",
                         "The expected owner token is empty. Give the token shown by "
                         "`lockctl list`, or force the release without one.")};
    RedisConnection connection(params);
    auto result = release(connection, key, expectedToken);
    if (!result.ok() && result.error().kind == ErrorKind::Connection)
        return result; // nothing reached the server: nothing to record, nowhere to record it
    AuditEntry entry;
    entry.tool = tool;
    // "force-release": against the token the operator named or saw; Redis never
    // deletes unconditionally (a forced release compares with the value it read).
    entry.action = QStringLiteral("force-release");
    entry.target = key;
    if (!result.ok()) {
        entry.outcome = result.error().kind == ErrorKind::PermissionDenied
                            ? QStringLiteral("refused")
                            : QStringLiteral("failed");
        entry.detail = result.error().message;
        entry.previousToken = expectedToken.value_or(QString());
        (void)RedisAuditLog::record(connection, entry);
        return result;
    }
    switch (result->outcome) {
    case ReleaseOutcome::Released:
        entry.outcome = QStringLiteral("released");
        entry.previousToken = result->previousToken;
        break;
    case ReleaseOutcome::Changed:
        entry.outcome = QStringLiteral("changed since shown; not released");
        entry.previousToken = expectedToken.value_or(QString());
        entry.detail = QStringLiteral("now held with value %1").arg(result->previousToken);
        break;
    case ReleaseOutcome::Absent:
        entry.outcome = QStringLiteral("absent");
        entry.previousToken = expectedToken.value_or(QString());
        break;
    }
    result->audited = RedisAuditLog::record(connection, entry).ok();
    return result;
}

} // namespace lockscope
