#include "support/privateserver.h"

#include "db/database.h"
#include "db/migrator.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace lockscope::test {

namespace {

QAtomicInteger<int> g_databases;

// Appends `lines` to the PGPASSFILE this process (and its children) use, starting
// from the shared server's file so both servers' logins keep working.
bool addPasswords(const QString &scratch, const QByteArray &lines, QString *error) {
    const QString merged = scratch + QStringLiteral("/pgpass");
    QByteArray content;
    const QString current = qEnvironmentVariable("PGPASSFILE");
    if (!current.isEmpty()) { // the shared server's file, or ours with an earlier server
        QFile old(current);
        if (old.open(QIODevice::ReadOnly))
            content = old.readAll();
    }
    if (!content.isEmpty() && !content.endsWith('\n'))
        content.append('\n');
    content.append(lines);
    QFile out(merged);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(content) < 0) {
        *error = QStringLiteral("cannot write %1").arg(merged);
        return false;
    }
    out.close();
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qputenv("PGPASSFILE", merged.toLocal8Bit());
    return true;
}

} // namespace

PrivateServer::PrivateServer(Tls tls)
    : m_previousPassFile(qgetenv("PGPASSFILE")) {
    const QString harness = qEnvironmentVariable("LOCKSCOPE_TEST_PG_HARNESS");
    if (harness.isEmpty()) {
        m_error = QStringLiteral("no PostgreSQL harness: run the suite with scripts/test, or set "
                                 "LOCKSCOPE_TEST_PG_HARNESS to scripts/pg-harness");
        return;
    }
    const QString shared = qEnvironmentVariable("LOCKSCOPE_TEST_PG_DIR");
    m_parent = std::make_unique<QTemporaryDir>(
        (shared.isEmpty() || !QFileInfo(shared).isWritable() ? QDir::tempPath() : shared) +
        QStringLiteral("/private-XXXXXX"));
    if (!m_parent->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return;
    }
    // As root the server runs as `postgres`, which must pass through this directory.
    QFile::setPermissions(m_parent->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                                QFileDevice::ExeOther);
    m_dir = m_parent->path() + QStringLiteral("/pg");
    QStringList args{QStringLiteral("start"), m_dir};
    if (tls == Tls::On)
        args << QStringLiteral("--tls");
    QString output;
    if (!runHarness(args, &output))
        return;
    static const QRegularExpression exportLine(QStringLiteral("^export ([A-Z_]+)='([^']*)'$"),
                                               QRegularExpression::MultilineOption);
    for (auto it = exportLine.globalMatch(output); it.hasNext();) {
        const auto m = it.next();
        m_env.insert(m.captured(1), m.captured(2));
    }
    QFile pass(m_env.value(QStringLiteral("PGPASSFILE")));
    if (!pass.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("the harness wrote no pgpass file: %1").arg(output);
        return;
    }
    addPasswords(m_parent->path(), pass.readAll(), &m_error);
}

PrivateServer::~PrivateServer() {
    if (!m_dir.isEmpty())
        runHarness({QStringLiteral("stop"), m_dir});
    // The merged file goes with this server's directory: later tests of the
    // process log in to the shared server with the file they had before.
    if (m_previousPassFile.isEmpty())
        qunsetenv("PGPASSFILE");
    else
        qputenv("PGPASSFILE", m_previousPassFile);
}

bool PrivateServer::runHarness(const QStringList &args, QString *output) {
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(QStringLiteral("bash"),
            QStringList{qEnvironmentVariable("LOCKSCOPE_TEST_PG_HARNESS")} + args);
    if (!p.waitForFinished(180'000) || p.exitStatus() != QProcess::NormalExit ||
        p.exitCode() != 0) {
        m_error =
            QStringLiteral("pg-harness %1 failed: %2")
                .arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    if (output)
        *output = QString::fromLocal8Bit(p.readAllStandardOutput());
    return true;
}

ConnectionParams PrivateServer::params() const {
    auto p = ConnectionParams::fromUrl(m_env.value(QStringLiteral("LOCKSCOPE_TEST_PG_URL")));
    return p.ok() ? p.value() : ConnectionParams{};
}

ConnectionParams PrivateServer::freshDatabase(QString *why) const {
    ConnectionParams p = params();
    const QString name =
        QStringLiteral("lsp_%1_%2").arg(QCoreApplication::applicationPid()).arg(++g_databases);
    {
        ScopedConnection admin(p, QStringLiteral("private-admin"));
        if (!admin.ok()) {
            *why = admin.error().message;
            return {};
        }
        QSqlQuery q(admin.db());
        if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(name))) {
            *why = q.lastError().text();
            return {};
        }
    }
    p.database = name;
    const auto applied = Migrator::migrate(p);
    if (!applied.ok()) {
        *why = applied.error().message;
        return {};
    }
    return p;
}

bool PrivateServer::restart() {
    return runHarness({QStringLiteral("restart"), m_dir});
}

bool PrivateServer::halt() {
    return runHarness({QStringLiteral("halt"), m_dir});
}

bool PrivateServer::resume() {
    return runHarness({QStringLiteral("resume"), m_dir});
}

qint64 PrivateServer::postmasterPid() const {
    QFile pidFile(m_dir + QStringLiteral("/data/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return 0;
    return pidFile.readLine().trimmed().toLongLong();
}

} // namespace lockscope::test
