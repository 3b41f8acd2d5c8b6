#include "redis/redisconnection.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

#include <hiredis/hiredis.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace lockscope {

using std::chrono::milliseconds;

namespace {

RedisReply copyReply(const redisReply *r) {
    RedisReply out;
    switch (r->type) {
    case REDIS_REPLY_STRING:
        out.type = RedisReply::Type::String;
        out.str = QByteArray(r->str, static_cast<qsizetype>(r->len));
        break;
    case REDIS_REPLY_STATUS:
        out.type = RedisReply::Type::Simple;
        out.str = QByteArray(r->str, static_cast<qsizetype>(r->len));
        break;
    case REDIS_REPLY_ERROR:
        out.type = RedisReply::Type::Error;
        out.str = QByteArray(r->str, static_cast<qsizetype>(r->len));
        break;
    case REDIS_REPLY_INTEGER:
        out.type = RedisReply::Type::Integer;
        out.integer = r->integer;
        break;
    case REDIS_REPLY_ARRAY:
        out.type = RedisReply::Type::Array;
        out.elements.reserve(static_cast<qsizetype>(r->elements));
        for (size_t i = 0; i < r->elements; ++i)
            out.elements.append(copyReply(r->element[i]));
        break;
    default:
        out.type = RedisReply::Type::Nil;
        break;
    }
    return out;
}

// hiredis's formatter: RESP with binary-safe arguments.
QByteArray format(const RedisConnection::Command &argv) {
    // A lease command has a handful of arguments: no heap for their table.
    constexpr qsizetype kOnStack = 16;
    const char *partsOnStack[kOnStack];
    size_t lengthsOnStack[kOnStack];
    std::vector<const char *> partsOnHeap;
    std::vector<size_t> lengthsOnHeap;
    const char **parts = partsOnStack;
    size_t *lengths = lengthsOnStack;
    if (argv.size() > kOnStack) {
        partsOnHeap.resize(static_cast<size_t>(argv.size()));
        lengthsOnHeap.resize(static_cast<size_t>(argv.size()));
        parts = partsOnHeap.data();
        lengths = lengthsOnHeap.data();
    }
    for (qsizetype i = 0; i < argv.size(); ++i) {
        parts[i] = argv.at(i).constData();
        lengths[i] = static_cast<size_t>(argv.at(i).size());
    }
    char *target = nullptr;
    const int length =
        redisFormatCommandArgv(&target, static_cast<int>(argv.size()), parts, lengths);
    if (length < 0 || !target)
        return {};
    QByteArray out(target, length);
    redisFreeCommand(target);
    return out;
}

milliseconds leftUntil(RedisConnection::Clock::time_point deadline) {
    return std::max(milliseconds(0), std::chrono::duration_cast<milliseconds>(
                                         deadline - RedisConnection::Clock::now()));
}

// Waits until `fd` is ready for `events`, at most `wait`: > 0 ready, 0 not
// yet (timeout or signal), < 0 failed (errno).
int waitFor(int fd, short events, milliseconds wait) {
    pollfd p{fd, events, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(wait.count()));
    if (ready < 0 && errno == EINTR)
        return 0;
    return ready;
}

bool wouldBlock(int error) {
    return error == EAGAIN || error == EWOULDBLOCK || error == EINTR;
}

// A plain connection's descriptor blocks in send() and recv() for at most this
// long (SO_SNDTIMEO, SO_RCVTIMEO): a reply is awaited by recv() alone, not by
// poll() and then recv(); waits shorter than this use poll().
constexpr milliseconds kBlockingSlice{20};

} // namespace

RedisConnection::RedisConnection(ConnectionParams params)
    : m_params(std::move(params)) {}

RedisConnection::~RedisConnection() {
    close();
}

QString RedisConnection::where() const {
    return QCoreApplication::translate("lockscope::RedisConnection", "Redis at %1:%2/%3")
        .arg(m_params.host)
        .arg(m_params.port)
        .arg(m_params.redisDb);
}

QString RedisConnection::password() const {
    if (!m_params.password.isEmpty())
        return m_params.password;
    return qEnvironmentVariable("REDISCLI_AUTH");
}

QString RedisConnection::redact(QString text) const {
    const QString secret = password();
    if (!secret.isEmpty())
        text.replace(secret, QStringLiteral("***"));
    return text;
}

bool RedisConnection::isConnected() const {
    if (!m_reader)
        return false;
    if (m_fd >= 0)
        return true;
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void RedisConnection::close() {
    m_serverClock.forget(); // the next connection may reach another server
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (m_socket) {
        m_socket->abort();
        m_socket.reset();
        m_tls = nullptr;
    }
    if (m_reader) {
        redisReaderFree(m_reader);
        m_reader = nullptr;
    }
}

Error RedisConnection::lost(const QString &why) {
    close();
    return Error{ErrorKind::Connection, redact(why)};
}

Status RedisConnection::ensureConnected() {
    if (isConnected())
        return {};
    close();
    return connectNow();
}

Status RedisConnection::connectNow() {
    const milliseconds connectTimeout(m_params.connectTimeoutS * 1000);
    const auto deadline = Clock::now() + connectTimeout;
    if (m_params.redisTls) {
        auto tlsSocket = std::make_unique<QSslSocket>();
        m_tls = tlsSocket.get();
        m_socket = std::move(tlsSocket);
    } else {
        m_socket = std::make_unique<QTcpSocket>();
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QString at = QStringLiteral("%1:%2").arg(m_params.host).arg(m_params.port);
    auto failedToConnect = [&](const QString &why) {
        return lost(QCoreApplication::translate("lockscope::RedisConnection",
                                                "Cannot connect to Redis at %1: %2")
                        .arg(at, why));
    };
    if (m_params.redisTls) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!m_params.sslrootcert.isEmpty()) {
            const auto cas = QSslCertificate::fromPath(m_params.sslrootcert, QSsl::Pem);
            if (cas.isEmpty())
                return failedToConnect(
                    QCoreApplication::translate(
                        "lockscope::RedisConnection",
                        "the CA file %1 (sslrootcert) cannot be read or holds no PEM "
                        "certificate. Give the CA certificate that signed the "
                        "server's certificate.")
                        .arg(m_params.sslrootcert));
            tls.setCaCertificates(cas);
        }
        m_tls->setSslConfiguration(tls);
        m_tls->connectToHostEncrypted(m_params.host, static_cast<quint16>(m_params.port));
        if (!m_tls->waitForEncrypted(static_cast<int>(connectTimeout.count()))) {
            const auto errors = m_tls->sslHandshakeErrors();
            if (!errors.isEmpty())
                return failedToConnect(
                    QCoreApplication::translate(
                        "lockscope::RedisConnection",
                        "the server's TLS certificate was not accepted (%1). Check "
                        "that sslrootcert names the CA that signed it, and that the "
                        "host name matches the certificate.")
                        .arg(errors.first().errorString()));
            if (m_socket->error() == QAbstractSocket::ConnectionRefusedError)
                return failedToConnect(QCoreApplication::translate(
                    "lockscope::RedisConnection",
                    "connection refused. Check that redis-server runs there and "
                    "that the port is its TLS port."));
            if (m_socket->error() == QAbstractSocket::SocketTimeoutError)
                return failedToConnect(
                    QCoreApplication::translate(
                        "lockscope::RedisConnection",
                        "no TLS handshake within %1 s. Check the host and port, and "
                        "that the port speaks TLS (tls-port).")
                        .arg(m_params.connectTimeoutS));
            return failedToConnect(
                QCoreApplication::translate(
                    "lockscope::RedisConnection",
                    "the TLS handshake failed (%1). Check that the port speaks TLS "
                    "(tls-port), or use redis:// for a plain port.")
                    .arg(m_socket->errorString()));
        }
    } else {
        m_socket->connectToHost(m_params.host, static_cast<quint16>(m_params.port));
        if (!m_socket->waitForConnected(static_cast<int>(connectTimeout.count()))) {
            switch (m_socket->error()) {
            case QAbstractSocket::ConnectionRefusedError:
                return failedToConnect(QCoreApplication::translate(
                    "lockscope::RedisConnection",
                    "connection refused. Check that redis-server is running on that host "
                    "and listening on that port."));
            case QAbstractSocket::HostNotFoundError:
                return failedToConnect(QCoreApplication::translate(
                    "lockscope::RedisConnection",
                    "the host name cannot be resolved. Check the URL's host."));
            case QAbstractSocket::SocketTimeoutError:
                return failedToConnect(
                    QCoreApplication::translate("lockscope::RedisConnection",
                                                "no answer within %1 s. Check the host, "
                                                "the port and any firewall between.")
                        .arg(m_params.connectTimeoutS));
            default:
                return failedToConnect(m_socket->errorString());
            }
        }
    }
    if (!m_tls && !takeDescriptor())
        return failedToConnect(QString::fromLocal8Bit(std::strerror(errno)));
    m_reader = redisReaderCreate();
    // AUTH, SELECT and PING in one round trip; PING also tells a server that
    // wants a password apart from one that does not.
    QList<Command> hello;
    const QString secret = password();
    if (!secret.isEmpty()) {
        if (m_params.user.isEmpty())
            hello.append({"AUTH", secret.toUtf8()});
        else
            hello.append({"AUTH", m_params.user.toUtf8(), secret.toUtf8()});
    }
    if (m_params.redisDb != 0)
        hello.append({"SELECT", QByteArray::number(m_params.redisDb)});
    hello.append({"PING"});
    QByteArray data;
    for (const Command &c : std::as_const(hello))
        data += format(c);
    if (auto written = writeAll(data, deadline, {}); !written.ok())
        return written.error();
    for (qsizetype i = 0; i < hello.size(); ++i) {
        auto reply = readOne(deadline, {});
        if (!reply.ok()) {
            if (reply.error().kind == ErrorKind::Timeout)
                return lost(QCoreApplication::translate(
                                "lockscope::RedisConnection",
                                "Cannot connect to Redis at %1: it accepted the connection but "
                                "did not answer within %2 s. If that port speaks TLS, use "
                                "rediss://.")
                                .arg(at)
                                .arg(m_params.connectTimeoutS));
            if (reply.error().kind == ErrorKind::Connection)
                return lost(QCoreApplication::translate(
                                "lockscope::RedisConnection",
                                "Cannot connect to Redis at %1: the server closed the "
                                "connection before answering. If that port speaks "
                                "TLS, use rediss://.")
                                .arg(at));
            return reply.error();
        }
        if (!reply->isError())
            continue;
        const QByteArray verb = hello.at(i).first();
        const QByteArray code = reply->errorCode();
        const QString server = redact(QString::fromUtf8(reply->str));
        close();
        if (verb == "AUTH" || code == "NOAUTH" || code == "WRONGPASS") {
            if (code == "NOAUTH" || (secret.isEmpty() && verb != "AUTH"))
                return Error{ErrorKind::Authentication,
                             QCoreApplication::translate(
                                 "lockscope::RedisConnection",
                                 "%1 requires a password (%2). Set it in the "
                                 "REDISCLI_AUTH environment variable, and the user in "
                                 "the URL (redis://user@host:port/db).")
                                 .arg(where(), server)};
            return Error{
                ErrorKind::Authentication,
                QCoreApplication::translate(
                    "lockscope::RedisConnection",
                    "%1 refused the login of user '%2' (%3). Check the user in the URL "
                    "and the password in REDISCLI_AUTH.")
                    .arg(where(),
                         m_params.user.isEmpty() ? QStringLiteral("default") : m_params.user,
                         server)};
        }
        if (verb == "SELECT")
            return Error{ErrorKind::DatabaseMissing,
                         QCoreApplication::translate(
                             "lockscope::RedisConnection",
                             "%1: the server has no database %2 (%3). Use a database "
                             "index below the server's `databases` setting (16 by "
                             "default).")
                             .arg(where())
                             .arg(m_params.redisDb)
                             .arg(server)};
        return Error{ErrorKind::Database,
                     QCoreApplication::translate("lockscope::RedisConnection",
                                                 "%1 refused the connection: %2")
                         .arg(where(), server)};
    }
    return {};
}

// The connected QTcpSocket's descriptor, copied, made blocking with bounded
// waits, and the socket closed (closing one of two descriptors of a connection
// leaves it open). TCP_NODELAY belongs to the connection and stays.
bool RedisConnection::takeDescriptor() {
    const int fd = ::fcntl(static_cast<int>(m_socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const timeval slice{0, static_cast<suseconds_t>(kBlockingSlice.count() * 1000)};
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0 ||
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &slice, sizeof slice) < 0 ||
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &slice, sizeof slice) < 0) {
        const int error = errno;
        ::close(fd);
        errno = error;
        return false;
    }
    m_socket->abort();
    m_socket.reset();
    m_fd = fd;
    return true;
}

Status RedisConnection::writeAll(const QByteArray &data, Clock::time_point deadline,
                                 const std::function<bool()> &stopped) {
    if (!m_tls)
        return sendPlain(data, deadline, stopped);
    if (m_socket->write(data) != data.size())
        return lost(QCoreApplication::translate("lockscope::RedisConnection",
                                                "The connection to %1 failed while sending: %2")
                        .arg(where(), m_socket->errorString()));
    while (m_socket->bytesToWrite() > 0 || (m_tls && m_tls->encryptedBytesToWrite() > 0)) {
        if (stopped && stopped()) {
            close();
            return Error{ErrorKind::Cancelled, QStringLiteral("Stopped.")};
        }
        const milliseconds left = leftUntil(deadline);
        if (left.count() == 0) {
            close();
            return Error{ErrorKind::Timeout,
                         QCoreApplication::translate("lockscope::RedisConnection",
                                                     "%1 did not take the command in time.")
                             .arg(where())};
        }
        if (!m_socket->waitForBytesWritten(static_cast<int>(std::min<qint64>(left.count(), 50))) &&
            m_socket->state() != QAbstractSocket::ConnectedState)
            return lost(
                QCoreApplication::translate("lockscope::RedisConnection",
                                            "The connection to %1 was lost while sending: %2")
                    .arg(where(), m_socket->errorString()));
    }
    return {};
}

Result<RedisReply> RedisConnection::readOne(Clock::time_point deadline,
                                            const std::function<bool()> &stopped,
                                            bool timeoutIsError) {
    for (;;) {
        void *raw = nullptr;
        if (redisReaderGetReply(m_reader, &raw) != REDIS_OK)
            return lost(
                QCoreApplication::translate("lockscope::RedisConnection",
                                            "%1 sent a reply that is not RESP (%2). Is that port a "
                                            "Redis server?")
                    .arg(where(), QString::fromUtf8(m_reader->errstr)));
        if (raw) {
            auto *reply = static_cast<redisReply *>(raw);
            RedisReply copy = copyReply(reply);
            freeReplyObject(reply);
            return copy;
        }
        if (const qint64 available = m_tls ? m_socket->bytesAvailable() : 0; available > 0) {
            const QByteArray chunk = m_socket->read(available);
            redisReaderFeed(m_reader, chunk.constData(), static_cast<size_t>(chunk.size()));
            continue;
        }
        if (m_tls && m_socket->state() != QAbstractSocket::ConnectedState)
            return lost(
                QCoreApplication::translate("lockscope::RedisConnection",
                                            "The connection to %1 was lost (%2). Check that the "
                                            "server is up; the next command reconnects.")
                    .arg(where(), m_socket->errorString()));
        if (stopped && stopped()) {
            close();
            return Error{ErrorKind::Cancelled, QStringLiteral("Stopped.")};
        }
        const milliseconds left = leftUntil(deadline);
        if (left.count() == 0) {
            if (timeoutIsError)
                close(); // a reply may still come: it would answer the next command
            return Error{ErrorKind::Timeout,
                         QCoreApplication::translate("lockscope::RedisConnection",
                                                     "%1 did not answer in time.")
                             .arg(where())};
        }
        const qint64 slice = stopped ? std::min<qint64>(left.count(), 50) : left.count();
        if (!m_tls) {
            if (auto received = receivePlain(milliseconds(slice)); !received.ok())
                return received.error();
            continue;
        }
        if (!m_socket->waitForReadyRead(static_cast<int>(slice)) &&
            m_socket->state() != QAbstractSocket::ConnectedState)
            return lost(
                QCoreApplication::translate("lockscope::RedisConnection",
                                            "The connection to %1 was lost (%2). Check that the "
                                            "server is up; the next command reconnects.")
                    .arg(where(), m_socket->errorString()));
    }
}

// A plain connection sends and receives on a blocking descriptor of its own:
// one send() per command and one recv() per reply, as hiredis does. Qt's
// buffered path cost a poll before every write and a poll, an ioctl(FIONREAD)
// and a read per reply; a poll() before each recv() still cost a third more
// system calls than hiredis per lease cycle.
Status RedisConnection::sendPlain(const QByteArray &data, Clock::time_point deadline,
                                  const std::function<bool()> &stopped) {
    const int fd = m_fd;
    const char *next = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t sent = ::send(fd, next, static_cast<size_t>(left), MSG_NOSIGNAL);
        if (sent > 0) {
            next += sent;
            left -= sent;
            continue;
        }
        if (sent < 0 && !wouldBlock(errno))
            return lost(QCoreApplication::translate("lockscope::RedisConnection",
                                                    "The connection to %1 failed while sending: %2")
                            .arg(where(), QString::fromLocal8Bit(std::strerror(errno))));
        if (stopped && stopped()) {
            close();
            return Error{ErrorKind::Cancelled, QStringLiteral("Stopped.")};
        }
        const milliseconds wait = leftUntil(deadline);
        if (wait.count() == 0) {
            close();
            return Error{ErrorKind::Timeout,
                         QCoreApplication::translate("lockscope::RedisConnection",
                                                     "%1 did not take the command in time.")
                             .arg(where())};
        }
        if (waitFor(fd, POLLOUT, std::min(wait, milliseconds(50))) < 0)
            return lost(QCoreApplication::translate("lockscope::RedisConnection",
                                                    "The connection to %1 failed while sending: %2")
                            .arg(where(), QString::fromLocal8Bit(std::strerror(errno))));
    }
    return {};
}

Status RedisConnection::receivePlain(milliseconds wait) {
    const int fd = m_fd;
    // recv() itself waits up to kBlockingSlice; a shorter wait polls first.
    const int ready = wait >= kBlockingSlice ? 1 : waitFor(fd, POLLIN, wait);
    if (ready == 0)
        return {};
    if (ready > 0) {
        char buffer[64 * 1024];
        const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
        if (got > 0) {
            redisReaderFeed(m_reader, buffer, static_cast<size_t>(got));
            return {};
        }
        if (got == 0)
            return lost(
                QCoreApplication::translate("lockscope::RedisConnection",
                                            "The connection to %1 was closed by the server. Check "
                                            "that the server is up; the next command reconnects.")
                    .arg(where()));
        if (wouldBlock(errno))
            return {};
    }
    return lost(
        QCoreApplication::translate("lockscope::RedisConnection",
                                    "The connection to %1 was lost (%2). Check that the server is "
                                    "up; the next command reconnects.")
            .arg(where(), QString::fromLocal8Bit(std::strerror(errno))));
}

Result<RedisReply> RedisConnection::command(const Command &argv) {
    return commandBounded(argv, Clock::now() + m_commandTimeout, {});
}

Result<RedisReply> RedisConnection::commandBounded(const Command &argv, Clock::time_point deadline,
                                                   const std::function<bool()> &stopped) {
    if (auto connected = ensureConnected(); !connected.ok())
        return connected.error();
    if (auto written = writeAll(format(argv), deadline, stopped); !written.ok())
        return written.error();
    return readOne(deadline, stopped);
}

Result<QList<RedisReply>> RedisConnection::pipeline(const QList<Command> &commands) {
    if (auto connected = ensureConnected(); !connected.ok())
        return connected.error();
    QByteArray data;
    for (const Command &c : commands)
        data += format(c);
    const auto deadline = Clock::now() + m_commandTimeout;
    if (auto written = writeAll(data, deadline, {}); !written.ok())
        return written.error();
    QList<RedisReply> replies;
    replies.reserve(commands.size());
    for (qsizetype i = 0; i < commands.size(); ++i) {
        auto reply = readOne(deadline, {});
        if (!reply.ok())
            return reply.error();
        replies.append(std::move(reply.value()));
    }
    return replies;
}

Status RedisConnection::send(const Command &argv) {
    if (auto connected = ensureConnected(); !connected.ok())
        return connected.error();
    return writeAll(format(argv), Clock::now() + m_commandTimeout, {});
}

Result<std::optional<RedisReply>> RedisConnection::readReply(milliseconds wait) {
    if (!isConnected())
        return lost(QCoreApplication::translate("lockscope::RedisConnection",
                                                "The connection to %1 is closed.")
                        .arg(where()));
    auto reply = readOne(Clock::now() + wait, {}, false);
    if (!reply.ok()) {
        if (reply.error().kind == ErrorKind::Timeout)
            return std::optional<RedisReply>();
        return reply.error();
    }
    return std::optional<RedisReply>(std::move(reply.value()));
}

Error RedisConnection::replyError(const RedisReply &reply, const QString &what) const {
    const QByteArray code = reply.errorCode();
    const QString server = redact(QString::fromUtf8(reply.str));
    if (code == "NOAUTH")
        return Error{
            ErrorKind::Authentication,
            QCoreApplication::translate("lockscope::RedisConnection",
                                        "Cannot %1: %2 requires a password (%3). Set it in "
                                        "REDISCLI_AUTH.")
                .arg(what, where(), server)};
    if (code == "NOPERM")
        return Error{
            ErrorKind::PermissionDenied,
            QCoreApplication::translate("lockscope::RedisConnection",
                                        "Cannot %1: the Redis user '%2' lacks the permission (%3). "
                                        "Grant it in the server's ACL, or use another user.")
                .arg(what, m_params.user.isEmpty() ? QStringLiteral("default") : m_params.user,
                     server)};
    if (code == "WRONGTYPE")
        return Error{
            ErrorKind::InvalidArgument,
            QCoreApplication::translate("lockscope::RedisConnection",
                                        "Cannot %1: the Redis key holds another type than a string "
                                        "(%2); it is not a lease. See it with `lockctl list`.")
                .arg(what, server)};
    if (code == "READONLY")
        return Error{
            ErrorKind::PermissionDenied,
            QCoreApplication::translate("lockscope::RedisConnection",
                                        "Cannot %1: %2 is a read-only replica (%3). Connect to the "
                                        "primary.")
                .arg(what, where(), server)};
    return Error{ErrorKind::Database, QCoreApplication::translate("lockscope::RedisConnection",
                                                                  "Cannot %1: %2 answered: %3")
                                          .arg(what, where(), server)};
}

Result<double> RedisConnection::serverTime() {
    const auto sentAt = Clock::now();
    auto time = command({QByteArrayLiteral("TIME")});
    if (!time.ok())
        return time.error();
    if (time->isError())
        return replyError(time.value(), QCoreApplication::translate("lockscope::RedisConnection",
                                                                    "read the server's clock"));
    if (!time->isArray() || time->elements.size() != 2)
        return Error{ErrorKind::Database, QCoreApplication::translate("lockscope::RedisConnection",
                                                                      "%1 answered TIME oddly.")
                                              .arg(where())};
    const double epoch =
        time->elements.at(0).str.toDouble() + time->elements.at(1).str.toDouble() / 1e6;
    m_serverClock.note(epoch, sentAt, Clock::now());
    return epoch;
}

Result<double> RedisConnection::serverTimeAt(Clock::time_point at) {
    if (const auto then = m_serverClock.at(at))
        return *then;
    if (auto read = serverTime(); !read.ok())
        return read.error();
    return *m_serverClock.at(at);
}

Status RedisConnection::scanEach(const QByteArray &pattern, int count, const QString &what,
                                 const std::function<Status(const QList<QByteArray> &)> &onBatch) {
    QByteArray cursor = "0";
    const QByteArray perCall = QByteArray::number(count);
    do {
        auto reply = command({"SCAN", cursor, "MATCH", pattern, "COUNT", perCall});
        if (!reply.ok())
            return reply.error();
        if (reply->isError())
            return replyError(reply.value(), what);
        if (!reply->isArray() || reply->elements.size() != 2)
            return Error{
                ErrorKind::Database,
                QCoreApplication::translate("lockscope::RedisConnection", "%1 answered SCAN oddly.")
                    .arg(where())};
        cursor = reply->elements.at(0).str;
        QList<QByteArray> keys;
        const auto &found = reply->elements.at(1).elements;
        keys.reserve(found.size());
        for (const RedisReply &k : found)
            keys.append(k.str);
        if (Status s = onBatch(keys); !s.ok())
            return s;
    } while (cursor != "0");
    return {};
}

Result<QList<QByteArray>> RedisConnection::scanAll(const QByteArray &pattern, const QString &what) {
    QList<QByteArray> all;
    if (Status s = scanEach(pattern, 1000, what,
                            [&all](const QList<QByteArray> &keys) -> Status {
                                all.append(keys);
                                return {};
                            });
        !s.ok())
        return s.error();
    return all;
}

} // namespace lockscope
