#include "redis/redisscript.h"

#include <QCryptographicHash>

namespace lockscope {

RedisScript::RedisScript(QByteArray source)
    : m_source(std::move(source))
    , m_sha(QCryptographicHash::hash(m_source, QCryptographicHash::Sha1).toHex()) {}

Result<RedisReply> RedisScript::run(RedisConnection &connection, const QList<QByteArray> &keys,
                                    const QList<QByteArray> &args, const QString &what) const {
    return runBounded(connection, keys, args, what, RedisConnection::Clock::time_point::max(), {});
}

Result<RedisReply> RedisScript::runBounded(RedisConnection &connection,
                                           const QList<QByteArray> &keys,
                                           const QList<QByteArray> &args, const QString &what,
                                           RedisConnection::Clock::time_point deadline,
                                           const std::function<bool()> &stopped) const {
    return runBounded(connection, keys, args, Describe([&what] { return what; }), deadline,
                      stopped);
}

Result<RedisReply> RedisScript::run(RedisConnection &connection, const QList<QByteArray> &keys,
                                    const QList<QByteArray> &args, const Describe &what) const {
    return runBounded(connection, keys, args, what, RedisConnection::Clock::time_point::max(), {});
}

Result<RedisReply> RedisScript::runBounded(RedisConnection &connection,
                                           const QList<QByteArray> &keys,
                                           const QList<QByteArray> &args, const Describe &what,
                                           RedisConnection::Clock::time_point deadline,
                                           const std::function<bool()> &stopped) const {
    const QByteArray keyCount = QByteArray::number(keys.size());
    auto call = [&](const QByteArray &verb, const QByteArray &body) {
        RedisConnection::Command argv;
        argv.reserve(3 + keys.size() + args.size());
        argv << verb << body << keyCount;
        argv += keys;
        argv += args;
        if (deadline == RedisConnection::Clock::time_point::max())
            return connection.command(argv);
        return connection.commandBounded(argv, deadline, stopped);
    };
    auto reply = call(QByteArrayLiteral("EVALSHA"), m_sha);
    if (reply.ok() && reply->isError() && reply->errorCode() == "NOSCRIPT")
        reply = call(QByteArrayLiteral("EVAL"), m_source);
    if (!reply.ok())
        return reply.error();
    if (reply->isError())
        return connection.replyError(reply.value(), what());
    return reply;
}

Result<RedisReply> RedisScript::runResending(const std::function<RedisConnection &()> &connection,
                                             const QList<QByteArray> &keys,
                                             const QList<QByteArray> &args, const Describe &what,
                                             const std::function<void()> &beforeSend,
                                             RedisConnection::Clock::time_point deadline,
                                             const std::function<bool()> &stopped,
                                             bool *resent) const {
    for (int attempt = 0;; ++attempt) {
        if (beforeSend)
            beforeSend();
        auto reply = stopped ? runBounded(connection(), keys, args, what, deadline, stopped)
                             : run(connection(), keys, args, what);
        if (!reply.ok() && reply.error().kind == ErrorKind::Connection && attempt == 0 &&
            RedisConnection::Clock::now() < deadline)
            continue; // connection() reconnects
        if (resent)
            *resent = attempt > 0;
        return reply;
    }
}

} // namespace lockscope
