#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

class QSqlQuery;

namespace lockscope {

// Opening connections, turning driver errors into sentences, and the SQL
// fragments that differ between PostgreSQL and SQLite.
namespace Database {

// How a connection may touch a SQLite file: ReadOnly never creates the file
// nor changes it (no journal-mode switch), for looking at files of others (the
// Servers view's probes). PostgreSQL connections are the same either way.
enum class Access { ReadWrite, ReadOnly };

// Adds and opens a connection named `name` on the calling thread. On failure the
// connection is removed again and the error says what to do.
Result<QSqlDatabase> open(const ConnectionParams &params, const QString &name,
                          Access access = Access::ReadWrite);

// Closes and removes `name`; every QSqlDatabase/QSqlQuery copy must be gone.
void close(const QString &name);

// Classifies a driver error. `what` names the operation ("acquire 'k'").
Error classify(const QSqlError &error, const ConnectionParams &params, const QString &what);

// True when the error means the connection is gone and should be reopened.
bool isConnectionLost(const QSqlError &error);
// True for SQLite busy/locked and PostgreSQL serialization/deadlock errors:
// contention, not failure.
bool isContention(const QSqlError &error);

// Epoch seconds by the database clock, as an SQL expression. On PostgreSQL this
// is clock_timestamp(), not now(), which is frozen at transaction start.
QString nowSql(Driver driver);

// Runs one statement with positional bindings; Result carries the classified error.
Status exec(QSqlQuery &query, const ConnectionParams &params, const QString &what);

} // namespace Database

// An RAII connection of its own for one task on one thread (a worker's refresh,
// a sweep): opened in the constructor, removed in the destructor.
class ScopedConnection final {
public:
    ScopedConnection(const ConnectionParams &params, const QString &purpose,
                     Database::Access access = Database::Access::ReadWrite);
    ~ScopedConnection();
    Q_DISABLE_COPY_MOVE(ScopedConnection)

    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }
    QSqlDatabase db() const;
    const ConnectionParams &params() const { return m_params; }

private:
    ConnectionParams m_params;
    QString m_name;
    std::optional<Error> m_error;
};

} // namespace lockscope
