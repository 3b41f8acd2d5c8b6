#include "support/testdb.h"

#include "db/database.h"
#include "db/migrator.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace lockscope::test {

namespace {

QAtomicInteger<int> g_serial;

QTemporaryDir &scratch() {
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/lockscope-test-XXXXXX"));
    return dir;
}

} // namespace

bool TestDb::ciMode() {
    const QString ci = qEnvironmentVariable("CI").toLower();
    return ci == QLatin1String("true") || ci == QLatin1String("1");
}

bool TestDb::postgresAvailable() {
    return !qEnvironmentVariableIsEmpty("LOCKSCOPE_TEST_PG_URL");
}

QString TestDb::artifactPath(const QString &name) {
    QString dir = qEnvironmentVariable("LOCKSCOPE_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QDir::currentPath() + QStringLiteral("/test-artifacts");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

std::optional<QString> TestDb::harnessPassword(QString *why) {
    QFile file(qEnvironmentVariable("LOCKSCOPE_TEST_PG_PASSWORD_FILE"));
    if (!file.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("LOCKSCOPE_TEST_PG_PASSWORD_FILE is not set or not readable (start "
                              "scripts/pg-harness, or run scripts/test)");
        return std::nullopt;
    }
    return QString::fromUtf8(file.readAll()).trimmed();
}

QString TestDb::scratchDir() {
    return scratch().path();
}

ConnectionParams TestDb::freshSqlite(bool migrate) {
    ConnectionParams p;
    p.driver = Driver::Sqlite;
    p.sqlitePath = QStringLiteral("%1/db-%2.sqlite").arg(scratchDir()).arg(++g_serial);
    if (migrate) {
        auto applied = Migrator::migrate(p);
        if (!applied.ok())
            qFatal("migrating a fresh SQLite database failed: %s",
                   qPrintable(applied.error().message));
    }
    return p;
}

std::optional<ConnectionParams> TestDb::freshPostgres(QString *why, bool migrate) {
    if (!postgresAvailable()) {
        *why = QStringLiteral("no PostgreSQL test server: run the suite with scripts/test, or set "
                              "LOCKSCOPE_TEST_PG_URL");
        return std::nullopt;
    }
    auto server = ConnectionParams::fromUrl(qEnvironmentVariable("LOCKSCOPE_TEST_PG_URL"));
    if (!server.ok()) {
        *why = server.error().message;
        return std::nullopt;
    }
    const QString name =
        QStringLiteral("lst_%1_%2_%3")
            .arg(QCoreApplication::applicationPid())
            .arg(++g_serial)
            .arg(QCoreApplication::applicationName().left(20).toLower())
            .replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    {
        ScopedConnection admin(server.value(), QStringLiteral("test-admin"));
        if (!admin.ok()) {
            *why = admin.error().message;
            return std::nullopt;
        }
        QSqlQuery q(admin.db());
        if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(name))) {
            *why = q.lastError().text();
            return std::nullopt;
        }
    }
    ConnectionParams p = server.value();
    p.database = name;
    if (migrate) {
        auto applied = Migrator::migrate(p);
        if (!applied.ok()) {
            *why = applied.error().message;
            return std::nullopt;
        }
        // The read-only role may look but not touch.
        exec(p, QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO lockscope_ro"));
    }
    return p;
}

std::optional<ConnectionParams> TestDb::fresh(const QString &backend, QString *why, bool migrate) {
    if (backend == QLatin1String("sqlite"))
        return freshSqlite(migrate);
    return freshPostgres(why, migrate);
}

std::optional<ConnectionParams> TestDb::readOnlyRole(const ConnectionParams &db, QString *why) {
    const QString url = qEnvironmentVariable("LOCKSCOPE_TEST_PG_RO_URL");
    if (url.isEmpty()) {
        *why = QStringLiteral("no read-only role: LOCKSCOPE_TEST_PG_RO_URL is not set");
        return std::nullopt;
    }
    auto ro = ConnectionParams::fromUrl(url);
    if (!ro.ok()) {
        *why = ro.error().message;
        return std::nullopt;
    }
    ConnectionParams p = ro.value();
    p.database = db.database;
    return p;
}

bool TestDb::exec(const ConnectionParams &db, const QString &sql, QString *error) {
    ScopedConnection conn(db, QStringLiteral("test-exec"));
    if (!conn.ok()) {
        if (error)
            *error = conn.error().message;
        return false;
    }
    QSqlQuery q(conn.db());
    if (!q.exec(sql)) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

QString TestDb::urlFor(const ConnectionParams &db) {
    if (db.isSqlite())
        return QStringLiteral("sqlite://") + db.sqlitePath;
    return db.displayUrl(); // the password comes from PGPASSFILE, never argv
}

} // namespace lockscope::test
