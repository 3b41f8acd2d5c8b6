#include "support/pgsession.h"

#include <libpq-fe.h>

namespace lockscope::test {

PgSession::PgSession(const QString &url, const QString &applicationName) {
    const QByteArray conninfo = url.toUtf8();
    const QByteArray app = applicationName.toUtf8();
    const char *keys[] = {"dbname", "application_name", nullptr};
    const char *values[] = {conninfo.constData(), app.constData(), nullptr};
    m_conn = PQconnectdbParams(keys, values, 1); // dbname expands the URL
    if (PQstatus(m_conn) != CONNECTION_OK) {
        m_error = QString::fromUtf8(PQerrorMessage(m_conn));
        return;
    }
    m_pid = PQbackendPID(m_conn);
}

PgSession::~PgSession() {
    if (m_conn)
        PQfinish(m_conn);
}

std::optional<QString> PgSession::exec(const QString &sql) {
    PGresult *r = PQexec(m_conn, sql.toUtf8().constData());
    const ExecStatusType status = PQresultStatus(r);
    std::optional<QString> value;
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
        value = (status == PGRES_TUPLES_OK && PQntuples(r) > 0 && PQnfields(r) > 0)
                    ? QString::fromUtf8(PQgetvalue(r, 0, 0))
                    : QString();
    } else {
        m_error = QString::fromUtf8(PQresultErrorMessage(r));
    }
    PQclear(r);
    return value;
}

bool PgSession::send(const QString &sql) {
    if (PQsendQuery(m_conn, sql.toUtf8().constData()) != 1) {
        m_error = QString::fromUtf8(PQerrorMessage(m_conn));
        return false;
    }
    return true;
}

bool PgSession::busy() {
    PQconsumeInput(m_conn);
    return PQisBusy(m_conn) != 0;
}

bool PgSession::finish() {
    bool ok = true;
    while (PGresult *r = PQgetResult(m_conn)) {
        const ExecStatusType status = PQresultStatus(r);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            m_error = QString::fromUtf8(PQresultErrorMessage(r));
            ok = false;
        }
        PQclear(r);
    }
    return ok;
}

} // namespace lockscope::test
