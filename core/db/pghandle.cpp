#include "db/pghandle.h"

#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

namespace lockscope {

pg_conn *pgConnOf(const QSqlDatabase &db) {
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // Qt's documentation checks for "PGconn*"; Qt 6 registers the struct's own
    // name, "pg_conn*".
    const char *type = handle.isValid() ? handle.typeName() : "";
    if (qstrcmp(type, "pg_conn*") != 0 && qstrcmp(type, "PGconn*") != 0)
        return nullptr;
    return *static_cast<PGconn *const *>(handle.data());
}

bool pgInTransaction(const QSqlDatabase &db) {
    PGconn *conn = pgConnOf(db);
    return conn && PQtransactionStatus(conn) != PQTRANS_IDLE &&
           PQtransactionStatus(conn) != PQTRANS_UNKNOWN;
}

PgCanceller::PgCanceller(const QSqlDatabase &db) {
    if (PGconn *conn = pgConnOf(db))
        m_cancel = PQgetCancel(conn);
}

PgCanceller::~PgCanceller() {
    if (m_cancel)
        PQfreeCancel(m_cancel);
}

bool PgCanceller::cancel() const {
    char error[256];
    return m_cancel && PQcancel(m_cancel, error, sizeof error) == 1;
}

} // namespace lockscope
