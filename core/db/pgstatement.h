#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QByteArray>
#include <QSqlDatabase>

#include <chrono>
#include <functional>
#include <initializer_list>
#include <memory>

struct pg_result;

namespace lockscope {

// The rows of one PgStatement execution; owns the libpq result.
class PgRows final {
public:
    explicit PgRows(pg_result *result);
    ~PgRows();
    PgRows(PgRows &&other) noexcept;
    PgRows(const PgRows &) = delete;
    PgRows &operator=(const PgRows &) = delete;
    PgRows &operator=(PgRows &&) = delete;

    int count() const;
    double toDouble(int row, int column) const;
    bool toBool(int row, int column) const;
    qint64 toLongLong(int row, int column) const;
    bool isNull(int row, int column) const;
    int columns() const;

private:
    pg_result *m_result = nullptr;
};

// A hot statement run straight through libpq on a QPSQL connection's own handle
// (QSqlDriver::handle(), as Qt documents): prepared once per connection under a
// fixed name, executed with text parameters, no QVariant or QSqlResult layer in
// between. It costs about a third of the client CPU of a prepared QSqlQuery,
// which matters when the database and its clients share the cores
// (BENCHMARKS.md). Only for statements whose `?` placeholders stand outside
// string literals.
class PgStatement final {
public:
    PgStatement(const QByteArray &name, const QString &sqlWithQuestionMarks);

    // `what` names the operation for an error message; it is called only then.
    Result<PgRows> exec(const QSqlDatabase &db, const ConnectionParams &params,
                        std::initializer_list<QByteArray> values,
                        const std::function<QString()> &what) const;

    // The same, but never waits for the server past `deadline`, and gives up
    // within 50 ms once `stopped` answers true: the statement is sent without
    // blocking and its reply awaited on the socket, so a server that stops
    // answering (a frozen backend, a silent network) cannot hold the caller.
    // Timeout / Cancelled then, and the connection is left mid-statement:
    // the caller must close it (ThreadConnections::drop) before using it again.
    struct Bound {
        std::chrono::steady_clock::time_point deadline;
        std::function<bool()> stopped; // may be empty
    };
    Result<PgRows> execBounded(const QSqlDatabase &db, const ConnectionParams &params,
                               std::initializer_list<QByteArray> values,
                               const std::function<QString()> &what, const Bound &bound) const;

private:
    QByteArray m_name;
    QByteArray m_sql; // with $1, $2, … placeholders
    int m_parameterCount = 0;
};

} // namespace lockscope
