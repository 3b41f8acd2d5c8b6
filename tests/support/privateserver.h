#pragma once

#include "db/connectionparams.h"

#include <QMap>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace lockscope::test {

// A PostgreSQL server of the test's own, started with scripts/pg-harness in a
// private directory: for tests that restart the server or need TLS, so they never
// disturb the shared test server other tests run against in parallel. Its login
// passwords are added to a PGPASSFILE of the test process (children inherit it).
// Stopped and deleted with the object. It lives inside the shared server's
// directory when there is one, so `pg-harness stop` of that server also stops a
// private server whose test was killed before it could.
class PrivateServer final {
public:
    enum class Tls { Off, On };
    explicit PrivateServer(Tls tls = Tls::Off);
    ~PrivateServer();
    Q_DISABLE_COPY_MOVE(PrivateServer)

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    // The lockscope role (CREATEDB, pg_signal_backend) on database `postgres`.
    ConnectionParams params() const;
    // A new, migrated database on this server, as the lockscope role.
    ConnectionParams freshDatabase(QString *why) const;
    // The value of an exported variable of the harness's env file
    // (LOCKSCOPE_TEST_PG_CA, LOCKSCOPE_TEST_PG_WRONG_CA, ...).
    QString env(const QString &name) const { return m_env.value(name); }

    // pg_ctl restart (fast shutdown: every connection is cut); false on failure.
    bool restart();
    // The postmaster's pid (the first line of DATA/postmaster.pid), 0 if unknown:
    // SIGSTOP it and new connections hang while open sessions go on.
    qint64 postmasterPid() const;
    // Stops the server but keeps its data; resume() starts it on the same port.
    bool halt();
    bool resume();

private:
    bool runHarness(const QStringList &args, QString *output = nullptr);

    std::unique_ptr<QTemporaryDir> m_parent;
    QString m_dir;
    QMap<QString, QString> m_env;
    QByteArray m_previousPassFile; // PGPASSFILE before this server: restored when it goes
    QString m_error;
};

} // namespace lockscope::test
