#include "db/pgstatement.h"

#include "db/database.h"
#include "db/pghandle.h"

#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <libpq-fe.h>

#include <cstdlib>
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

double PgRows::toDouble(int row, int column) const {
    return std::strtod(PQgetvalue(m_result, row, column), nullptr);
}

bool PgRows::toBool(int row, int column) const {
    return PQgetvalue(m_result, row, column)[0] == 't';
}

qint64 PgRows::toLongLong(int row, int column) const {
    return std::strtoll(PQgetvalue(m_result, row, column), nullptr, 10);
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
        return Error{ErrorKind::Unsupported,
                     QStringLiteral("Cannot %1: the connection is not a PostgreSQL connection.")
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
    return Error{ErrorKind::Database, QStringLiteral("Cannot %1.").arg(what())};
}

} // namespace lockscope
