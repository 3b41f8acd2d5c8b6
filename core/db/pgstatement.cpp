#include "db/pgstatement.h"

#include "db/database.h"
#include "db/pghandle.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <libpq-fe.h>

#include <poll.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace lockscope {

namespace {

// Statements prepared on each libpq connection of this thread. A connection
// that went away and came back at the same address makes a stale entry; the
// server then answers "prepared statement does not exist" and it is re-prepared.
QSet<QByteArray> &preparedOn(const PGconn *conn) {
    thread_local QHash<const PGconn *, QSet<QByteArray>> prepared;
    return prepared[conn];
}

QSqlError errorOf(const PGconn *conn, const PGresult *result) {
    const QString message =
        QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(conn)).trimmed();
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const QSqlError::ErrorType type =
        PQstatus(conn) == CONNECTION_BAD ? QSqlError::ConnectionError : QSqlError::StatementError;
    return QSqlError(QStringLiteral("PostgreSQL"), message, type,
                     state ? QString::fromLatin1(state) : QString());
}

using Clock = std::chrono::steady_clock;

// Waits for the reply to the command just sent, reading the socket in slices
// of at most 50 ms so that the deadline and a stop are noticed in time. The
// last result is returned (a prepared execution has one); nullptr with the
// connection's error when the connection failed.
Result<PGresult *> awaitReply(PGconn *conn, const PgStatement::Bound &bound,
                              const ConnectionParams &params,
                              const std::function<QString()> &what) {
    auto wait = [&](short events) -> std::optional<Error> {
        if (bound.stopped && bound.stopped())
            return Error{ErrorKind::Cancelled,
                         QCoreApplication::translate("lockscope::PgStatement",
                                                     "Stopped before the server "
                                                     "answered: %1.")
                             .arg(what())};
        const auto now = Clock::now();
        if (now >= bound.deadline)
            return Error{ErrorKind::Timeout,
                         QCoreApplication::translate("lockscope::PgStatement",
                                                     "The server did not answer in time to %1.")
                             .arg(what())};
        const auto slice =
            std::min<Clock::duration>(bound.deadline - now, std::chrono::milliseconds(50));
        pollfd pfd{PQsocket(conn), events, 0};
        const int ms =
            static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(slice).count());
        (void)::poll(&pfd, 1, ms);
        return std::nullopt;
    };
    for (;;) { // the command may not fit the socket buffer at once
        const int flushed = PQflush(conn);
        if (flushed == 0)
            break;
        if (flushed < 0)
            return Database::classify(errorOf(conn, nullptr), params, what());
        if (auto e = wait(POLLOUT | POLLIN))
            return *e;
        if (PQconsumeInput(conn) == 0)
            return Database::classify(errorOf(conn, nullptr), params, what());
    }
    PGresult *last = nullptr;
    for (;;) {
        while (PQisBusy(conn) == 0) {
            PGresult *r = PQgetResult(conn);
            if (!r) {
                if (!last)
                    return Database::classify(errorOf(conn, nullptr), params, what());
                return last;
            }
            if (last)
                PQclear(last);
            last = r;
        }
        if (auto e = wait(POLLIN)) {
            if (last)
                PQclear(last);
            return *e;
        }
        if (PQconsumeInput(conn) == 0) {
            if (last)
                PQclear(last);
            return Database::classify(errorOf(conn, nullptr), params, what());
        }
    }
}

} // namespace

PgRows::PgRows(pg_result *result)
    : m_result(result) {}

PgRows::~PgRows() {
    if (m_result)
        PQclear(m_result);
}

PgRows::PgRows(PgRows &&other) noexcept
    : m_result(other.m_result) {
    other.m_result = nullptr;
}

int PgRows::count() const {
    return m_result ? PQntuples(m_result) : 0;
}

// Numbers arrive as text in the C format. std::from_chars reads them whatever
// LC_NUMERIC says (strtod under de_DE.UTF-8 stops at the '.' and loses the
// fraction); PostgreSQL's NaN, Infinity and -Infinity read as such.
double PgRows::toDouble(int row, int column) const {
    const char *text = PQgetvalue(m_result, row, column);
    const char *end = text + std::strlen(text);
    double value = 0;
    if (std::from_chars(text, end, value).ec == std::errc())
        return value;
    if (qstrcmp(text, "Infinity") == 0)
        return std::numeric_limits<double>::infinity();
    if (qstrcmp(text, "-Infinity") == 0)
        return -std::numeric_limits<double>::infinity();
    return std::numeric_limits<double>::quiet_NaN();
}

bool PgRows::toBool(int row, int column) const {
    return PQgetvalue(m_result, row, column)[0] == 't';
}

qint64 PgRows::toLongLong(int row, int column) const {
    const char *text = PQgetvalue(m_result, row, column);
    qint64 value = 0;
    std::from_chars(text, text + std::strlen(text), value);
    return value;
}

bool PgRows::isNull(int row, int column) const {
    return PQgetisnull(m_result, row, column) == 1;
}

int PgRows::columns() const {
    return m_result ? PQnfields(m_result) : 0;
}

PgStatement::PgStatement(const QByteArray &name, const QString &sqlWithQuestionMarks)
    : m_name(name) {
    QString sql;
    for (const QChar c : sqlWithQuestionMarks) {
        if (c == u'?')
            sql += QLatin1Char('$') + QString::number(++m_parameterCount);
        else
            sql += c;
    }
    m_sql = sql.toUtf8();
}

Result<PgRows> PgStatement::exec(const QSqlDatabase &db, const ConnectionParams &params,
                                 std::initializer_list<QByteArray> values,
                                 const std::function<QString()> &what) const {
    PGconn *conn = pgConnOf(db);
    if (!conn)
        return Error{
            ErrorKind::Unsupported,
            QCoreApplication::translate("lockscope::PgStatement",
                                        "Cannot %1: the connection is not a PostgreSQL connection.")
                .arg(what())};
    std::vector<const char *> args;
    args.reserve(values.size());
    for (const QByteArray &v : values)
        args.push_back(v.constData());

    QSet<QByteArray> &prepared = preparedOn(conn);
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!prepared.contains(m_name)) {
            PGresult *p =
                PQprepare(conn, m_name.constData(), m_sql.constData(), m_parameterCount, nullptr);
            const bool ok = p && PQresultStatus(p) == PGRES_COMMAND_OK;
            const bool exists = p && qstrcmp(PQresultErrorField(p, PG_DIAG_SQLSTATE), "42P05") == 0;
            if (!ok && !exists) {
                const QSqlError error = errorOf(conn, p);
                PQclear(p);
                return Database::classify(error, params, what());
            }
            PQclear(p);
            prepared.insert(m_name);
        }
        PGresult *r = PQexecPrepared(conn, m_name.constData(), static_cast<int>(args.size()),
                                     args.data(), nullptr, nullptr, 0);
        const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
        if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
            return PgRows(r);
        const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
        if (attempt == 0 && state && qstrcmp(state, "26000") == 0) {
            PQclear(r); // prepared on a previous connection at the same address
            prepared.remove(m_name);
            continue;
        }
        const QSqlError error = errorOf(conn, r);
        PQclear(r);
        if (PQstatus(conn) == CONNECTION_BAD)
            prepared.clear();
        return Database::classify(error, params, what());
    }
    return Error{ErrorKind::Database,
                 QCoreApplication::translate("lockscope::PgStatement", "Cannot %1.").arg(what())};
}

Result<PgRows> PgStatement::execBounded(const QSqlDatabase &db, const ConnectionParams &params,
                                        std::initializer_list<QByteArray> values,
                                        const std::function<QString()> &what,
                                        const Bound &bound) const {
    PGconn *conn = pgConnOf(db);
    if (!conn)
        return Error{
            ErrorKind::Unsupported,
            QCoreApplication::translate("lockscope::PgStatement",
                                        "Cannot %1: the connection is not a PostgreSQL connection.")
                .arg(what())};
    std::vector<const char *> args;
    args.reserve(values.size());
    for (const QByteArray &v : values)
        args.push_back(v.constData());
    // Non-blocking for this statement only (PQsend* and PQflush then never
    // wait for the socket; the flush loop in awaitReply does), restored after.
    const bool wasNonBlocking = PQisnonblocking(conn) == 1;
    if (!wasNonBlocking)
        PQsetnonblocking(conn, 1);
    const auto restore = qScopeGuard([&] {
        if (!wasNonBlocking && PQstatus(conn) == CONNECTION_OK)
            PQsetnonblocking(conn, 0);
    });
    auto sendFailed = [&] {
        const QSqlError error = errorOf(conn, nullptr);
        preparedOn(conn).clear();
        return Database::classify(error, params, what());
    };

    QSet<QByteArray> &prepared = preparedOn(conn);
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!prepared.contains(m_name)) {
            if (PQsendPrepare(conn, m_name.constData(), m_sql.constData(), m_parameterCount,
                              nullptr) == 0)
                return sendFailed();
            auto p = awaitReply(conn, bound, params, what);
            if (!p.ok())
                return p.error();
            const bool ok = PQresultStatus(p.value()) == PGRES_COMMAND_OK;
            const bool exists =
                qstrcmp(PQresultErrorField(p.value(), PG_DIAG_SQLSTATE), "42P05") == 0;
            if (!ok && !exists) {
                const QSqlError error = errorOf(conn, p.value());
                PQclear(p.value());
                return Database::classify(error, params, what());
            }
            PQclear(p.value());
            prepared.insert(m_name);
        }
        if (PQsendQueryPrepared(conn, m_name.constData(), static_cast<int>(args.size()),
                                args.data(), nullptr, nullptr, 0) == 0)
            return sendFailed();
        auto reply = awaitReply(conn, bound, params, what);
        if (!reply.ok())
            return reply.error();
        PGresult *r = reply.value();
        const ExecStatusType status = PQresultStatus(r);
        if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
            return PgRows(r);
        const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        if (attempt == 0 && state && qstrcmp(state, "26000") == 0) {
            PQclear(r);
            prepared.remove(m_name);
            continue;
        }
        const QSqlError error = errorOf(conn, r);
        PQclear(r);
        if (PQstatus(conn) == CONNECTION_BAD)
            prepared.clear();
        return Database::classify(error, params, what());
    }
    return Error{ErrorKind::Database,
                 QCoreApplication::translate("lockscope::PgStatement", "Cannot %1.").arg(what())};
}

Result<std::optional<PgRows>>
PgStatement::finishAbandoned(const QSqlDatabase &db, const ConnectionParams &params,
                             const std::function<QString()> &what,
                             std::chrono::steady_clock::time_point deadline) {
    PGconn *conn = pgConnOf(db);
    if (!conn || PQstatus(conn) != CONNECTION_OK)
        return Error{ErrorKind::Connection,
                     QCoreApplication::translate("lockscope::PgStatement",
                                                 "The connection was lost before the server "
                                                 "answered: %1.")
                         .arg(what())};
    auto reply = awaitReply(conn, Bound{deadline, {}}, params, what);
    if (!reply.ok())
        return reply.error();
    PGresult *r = reply.value();
    const ExecStatusType status = PQresultStatus(r);
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
        return std::optional<PgRows>(PgRows(r));
    PQclear(r);
    return std::optional<PgRows>();
}

} // namespace lockscope
