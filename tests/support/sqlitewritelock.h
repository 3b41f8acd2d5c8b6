#pragma once

#include "db/connectionparams.h"

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace lockscope::test {

// Another program's write lock on a SQLite file: a connection of its own, on
// a thread of its own (a connection is used only by the thread that opened
// it), that begins a write transaction -- BEGIN IMMEDIATE, or EXCLUSIVE, which
// also keeps readers out in rollback-journal mode -- and holds it until end()
// or the end of its scope. LockScope's connections meet it as SQLITE_BUSY
// after their busy timeout.
class SqliteWriteLock final {
public:
    enum class Mode { Immediate, Exclusive };

    explicit SqliteWriteLock(const ConnectionParams &params, Mode mode = Mode::Immediate);
    ~SqliteWriteLock();
    SqliteWriteLock(const SqliteWriteLock &) = delete;
    SqliteWriteLock &operator=(const SqliteWriteLock &) = delete;

    // The lock is held (since the constructor returned); else error() says why not.
    bool ok() const { return m_held; }
    const QString &error() const { return m_error; }
    // Ends the transaction (ROLLBACK, or COMMIT) and returns once it has
    // ended; callable from any thread. True when it ended as asked.
    bool end(bool commit = false);

private:
    void hold(const ConnectionParams &params, Mode mode);

    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_started = false; // the transaction began, or failed to
    bool m_held = false;
    bool m_endAsked = false;
    bool m_commit = false;
    bool m_ended = false;
    bool m_endedAsAsked = false;
    QString m_error;
    std::thread m_thread;
};

} // namespace lockscope::test
