#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "redis/redisreply.h"
#include "redis/redisserverclock.h"

#include <QByteArray>
#include <QList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QSslSocket;
class QTcpSocket;
struct redisReader;

namespace lockscope {

// One connection to a Redis server: hiredis's command formatter and reply
// reader (libhiredis 0.14, which has no TLS) over Qt's QSslSocket (plain TCP
// for redis://, TLS with certificate verification for rediss://). Blocking:
// every call waits on the socket (poll() on a plain connection's descriptor,
// waitFor* on TLS), bounded by the connect timeout
// (the URL's connect_timeout) and the command timeout. Belongs to the thread
// that created it and is used only there; needs no event loop.
//
// Connects on first use: TCP or TLS, then AUTH (the URL's user and password,
// else $REDISCLI_AUTH), SELECT db and PING in one round trip. A lost
// connection is closed and reported as ErrorKind::Connection; the next call
// connects again. No message ever contains the password.
class RedisConnection final {
public:
    using Command = QList<QByteArray>;
    using Clock = std::chrono::steady_clock;

    explicit RedisConnection(ConnectionParams params);
    ~RedisConnection();
    RedisConnection(const RedisConnection &) = delete;
    RedisConnection &operator=(const RedisConnection &) = delete;

    Status ensureConnected();
    bool isConnected() const;
    void close();

    // One command, one reply. An error reply is a reply (the caller decides);
    // only transport failures are errors.
    Result<RedisReply> command(const Command &argv);
    // Sends every command in one write, then reads as many replies.
    Result<QList<RedisReply>> pipeline(const QList<Command> &commands);
    // Never waits past `deadline`, nor more than ~50 ms after `stopped()` turns
    // true (Timeout / Cancelled; the connection is closed then).
    Result<RedisReply> commandBounded(const Command &argv, Clock::time_point deadline,
                                      const std::function<bool()> &stopped);
    // For SUBSCRIBE: send without reading, and read whatever comes, waiting at
    // most `wait` (nullopt when nothing came).
    Status send(const Command &argv);
    Result<std::optional<RedisReply>> readReply(std::chrono::milliseconds wait);

    // The server's clock (TIME), epoch seconds. Also taken as the connection's
    // reading of that clock (serverNow).
    Result<double> serverTime();
    // The server's time at `at` (a moment of this connection's recent past or
    // now), from the last reading of its clock (serverTime, or a reply that
    // carried TIME: noteServerTime); reads the clock once if there is none.
    Result<double> serverTimeAt(Clock::time_point at);
    void noteServerTime(double epochSeconds, Clock::time_point sentAt,
                        Clock::time_point receivedAt) {
        m_serverClock.note(epochSeconds, sentAt, receivedAt);
    }

    // SCAN MATCH `pattern` from cursor 0 to the end, `count` keys a call:
    // `onBatch` gets each call's keys (maybe none: SCAN may answer an empty
    // batch) and stops the scan by returning an error, which scanEach returns.
    // `what` names the operation in an error reply's message. A key may come
    // twice (SCAN's own guarantee).
    Status scanEach(const QByteArray &pattern, int count, const QString &what,
                    const std::function<Status(const QList<QByteArray> &keys)> &onBatch);
    // Every key SCAN MATCH `pattern` finds, 1,000 a call.
    Result<QList<QByteArray>> scanAll(const QByteArray &pattern, const QString &what);

    const ConnectionParams &params() const { return m_params; }
    void setCommandTimeout(std::chrono::milliseconds timeout) { m_commandTimeout = timeout; }
    // "Redis at host:port/db", for messages.
    QString where() const;
    // A server error reply as an Error that says what to do (NOAUTH, NOPERM,
    // WRONGTYPE, …). `what` names the operation.
    Error replyError(const RedisReply &reply, const QString &what) const;

private:
    Status connectNow();
    Status writeAll(const QByteArray &data, Clock::time_point deadline,
                    const std::function<bool()> &stopped);
    Status sendPlain(const QByteArray &data, Clock::time_point deadline,
                     const std::function<bool()> &stopped);
    Status receivePlain(std::chrono::milliseconds wait);
    Result<RedisReply> readOne(Clock::time_point deadline, const std::function<bool()> &stopped,
                               bool timeoutIsError = true);
    Error lost(const QString &why);
    QString redact(QString text) const;
    QString password() const;

    bool takeDescriptor();

    ConnectionParams m_params;
    // rediss:// talks through a QSslSocket (m_socket, m_tls points to it).
    // redis:// connects with a QTcpSocket (host lookup, time-out, errors) and
    // then owns a copy of its descriptor, in blocking mode, and drops the
    // socket (m_fd): a plain connection never touches Qt's TLS backend, and no
    // event loop in the thread can read its replies.
    std::unique_ptr<QTcpSocket> m_socket;
    QSslSocket *m_tls = nullptr;
    int m_fd = -1;
    redisReader *m_reader = nullptr;
    std::chrono::milliseconds m_commandTimeout{10'000};
    RedisServerClock m_serverClock;
};

} // namespace lockscope
