#pragma once

#include "db/connectionparams.h"

#include <QSqlDatabase>
#include <QString>

namespace lockscope::test {

// Another program's write lock on a SQLite file: a connection of its own that
// begins a write transaction (BEGIN IMMEDIATE, or EXCLUSIVE, which also keeps
// readers out in rollback-journal mode) and holds it until end() or the end of
// its scope. LockScope's connections meet it as SQLITE_BUSY after their busy
// timeout.
class SqliteWriteLock final {
public:
    enum class Mode { Immediate, Exclusive };

    explicit SqliteWriteLock(const ConnectionParams &params, Mode mode = Mode::Immediate);
    ~SqliteWriteLock();
    SqliteWriteLock(const SqliteWriteLock &) = delete;
    SqliteWriteLock &operator=(const SqliteWriteLock &) = delete;

    // The lock is held; else error() says why not.
    bool ok() const { return m_held; }
    const QString &error() const { return m_error; }
    // Ends the transaction: ROLLBACK, or COMMIT. It may be called from another
    // thread while the test's thread waits on the lock (SQLite allows it; the
    // connection is not used by two threads at once). True when it ended.
    bool end(bool commit = false);

private:
    QString m_name;
    QSqlDatabase m_db;
    bool m_held = false;
    QString m_error;
};

} // namespace lockscope::test
