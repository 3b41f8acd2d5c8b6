#pragma once

#include <QSqlDatabase>

struct pg_conn;
struct pg_cancel;

namespace lockscope {

// libpq's connection behind a QPSQL QSqlDatabase (QSqlDriver::handle()), or
// nullptr for any other driver.
pg_conn *pgConnOf(const QSqlDatabase &db);

// Whether the connection is inside a transaction (libpq's own account, no
// round trip); false for any other driver.
bool pgInTransaction(const QSqlDatabase &db);

// Cancels the statement running on a connection, from any thread (libpq's
// PQcancel is thread-safe). Create it on the connection's thread before the
// statement starts.
class PgCanceller final {
public:
    explicit PgCanceller(const QSqlDatabase &db);
    ~PgCanceller();
    PgCanceller(const PgCanceller &) = delete;
    PgCanceller &operator=(const PgCanceller &) = delete;

    bool isValid() const { return m_cancel != nullptr; }
    bool cancel() const;

private:
    pg_cancel *m_cancel = nullptr;
};

} // namespace lockscope
