#pragma once

#include "base/result.h"
#include "redis/redisconnection.h"

#include <QByteArray>

#include <functional>

namespace lockscope {

// A Lua script sent by its SHA1 (EVALSHA), and in full (EVAL) only when the
// server answers NOSCRIPT (first use, or after SCRIPT FLUSH or a restart).
class RedisScript final {
public:
    explicit RedisScript(QByteArray source);

    // The script's reply, or its error reply as an Error (via replyError).
    Result<RedisReply> run(RedisConnection &connection, const QList<QByteArray> &keys,
                           const QList<QByteArray> &args, const QString &what) const;
    Result<RedisReply> runBounded(RedisConnection &connection, const QList<QByteArray> &keys,
                                  const QList<QByteArray> &args, const QString &what,
                                  RedisConnection::Clock::time_point deadline,
                                  const std::function<bool()> &stopped) const;
    // The same, with the action named only when an error needs it (a lease
    // cycle would otherwise translate and format a sentence it never shows).
    using Describe = std::function<QString()>;
    Result<RedisReply> run(RedisConnection &connection, const QList<QByteArray> &keys,
                           const QList<QByteArray> &args, const Describe &what) const;
    Result<RedisReply> runBounded(RedisConnection &connection, const QList<QByteArray> &keys,
                                  const QList<QByteArray> &args, const Describe &what,
                                  RedisConnection::Clock::time_point deadline,
                                  const std::function<bool()> &stopped) const;
    // For a script that acts by the caller's token and so is safe to send twice
    // (acquire re-takes what a lost reply took; release, renew compare first):
    // run on connection(), and when that connection turns out cut, once more
    // on the new one connection() then gives -- unless `deadline` has passed.
    // Bounded (runBounded) when `stopped` is set. `beforeSend` runs before each
    // send (statement counters, send times); *resent tells whether the answer
    // is the second send's.
    Result<RedisReply> runResending(
        const std::function<RedisConnection &()> &connection, const QList<QByteArray> &keys,
        const QList<QByteArray> &args, const Describe &what,
        const std::function<void()> &beforeSend = {},
        RedisConnection::Clock::time_point deadline = RedisConnection::Clock::time_point::max(),
        const std::function<bool()> &stopped = {}, bool *resent = nullptr) const;
    const QByteArray &sha() const { return m_sha; }
    // The Lua text (for a benchmark baseline that must send the very same script).
    const QByteArray &source() const { return m_source; }

private:
    QByteArray m_source;
    QByteArray m_sha;
};

} // namespace lockscope
