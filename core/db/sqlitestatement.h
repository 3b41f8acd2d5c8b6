#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QByteArray>
#include <QSqlDatabase>

#include <functional>
#include <initializer_list>
#include <memory>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace lockscope {

// A hot statement run straight through the SQLite C API on a QSQLITE
// connection's own handle (QSqlDriver::handle(), as Qt documents), the SQLite
// counterpart of PgStatement: prepared once per connection, values bound
// without a QVariant, columns read in place. A lease cycle on SQLite is a few
// microseconds of database work, so the QSqlQuery layer was most of its cost
// (BENCHMARKS.md). Usable only when the Qt driver and LockScope share one
// libsqlite3 (Debian's libqt6sql6-sqlite links the system library):
// prepare() checks that and refuses otherwise. ThreadConnections keeps the
// statements beside their connection and finalizes them before it closes.
class SqliteStatement final {
public:
    using Value = std::variant<QByteArray, double>;

    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    static Result<std::unique_ptr<SqliteStatement>>
    prepare(const QSqlDatabase &db, const ConnectionParams &params, const QString &sql);

    // Whether `db`'s driver hands out a handle of the libsqlite3 this program
    // calls (false: a Qt SQLite plugin with SQLite built in).
    static bool sharesLibrary(const QSqlDatabase &db);

    // Binds `values` to ?1, ?2, …, runs the statement to its end, calls `row`
    // for each result row (read it with the column accessors), and resets it,
    // which ends an autocommit write. Returns the rows it changed. `what` names
    // the operation for an error message; it is called only then.
    Result<int> exec(std::initializer_list<Value> values, const std::function<QString()> &what,
                     const std::function<void(const SqliteStatement &)> &row = {});

    double columnDouble(int column) const;
    qint64 columnInt64(int column) const;
    bool columnIsNull(int column) const;

private:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *statement, ConnectionParams params);

    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
    ConnectionParams m_params;
};

} // namespace lockscope
