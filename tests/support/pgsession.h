#pragma once

#include <QString>

#include <optional>

struct pg_conn;

namespace lockscope::test {

// A PostgreSQL session of its own (libpq), for tests that need real sessions
// holding and awaiting real locks: exec() runs a statement to its end; send()
// starts one that is expected to wait (a blocked LOCK TABLE) and returns at
// once, finish() collects its result later. Closed (and its locks released) in
// the destructor.
class PgSession final {
public:
    PgSession(const QString &url, const QString &applicationName);
    ~PgSession();
    PgSession(const PgSession &) = delete;
    PgSession &operator=(const PgSession &) = delete;

    bool ok() const { return m_conn != nullptr && m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    int pid() const { return m_pid; }

    // Runs to the end; the first column of the first row, or nullopt on an error.
    std::optional<QString> exec(const QString &sql);
    // Sends without waiting for the result.
    bool send(const QString &sql);
    // Still running what send() started?
    bool busy();
    // Waits for what send() started; false on an error (say, a cancelled wait).
    bool finish();

private:
    pg_conn *m_conn = nullptr;
    int m_pid = 0;
    QString m_error;
};

} // namespace lockscope::test
