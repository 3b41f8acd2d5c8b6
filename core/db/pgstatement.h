#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QByteArray>
#include <QSqlDatabase>

#include <chrono>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>

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

    // After execBounded gave up (Timeout / Cancelled) and a cancel request was
    // sent (PgCanceller): waits until `deadline` for the statement's own
    // answer. Its rows when it completed before the cancel took effect;
    // nullopt when the server ended it with an error (cancelled, or failed:
    // an autocommit statement that failed changed nothing) -- the connection
    // is then ready for the next statement. An error when the server still did
    // not answer: the connection is mid-statement and must be closed, and the
    // statement may yet be applied.
    static Result<std::optional<PgRows>>
    finishAbandoned(const QSqlDatabase &db, const ConnectionParams &params,
                    const std::function<QString()> &what,
                    std::chrono::steady_clock::time_point deadline);

private:
    QByteArray m_name;
    QByteArray m_sql; // with $1, $2, … placeholders
    int m_parameterCount = 0;
};

} // namespace lockscope
