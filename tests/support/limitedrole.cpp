#include "support/limitedrole.h"

#include "db/database.h"
#include "support/testdb.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace lockscope::test {

namespace {

bool asAdmin(const QString &sql, QString *error) {
    auto admin = ConnectionParams::fromUrl(qEnvironmentVariable("LOCKSCOPE_TEST_PG_ADMIN_URL"));
    if (!admin.ok()) {
        *error = QStringLiteral("LOCKSCOPE_TEST_PG_ADMIN_URL: ") + admin.error().message;
        return false;
    }
    ScopedConnection conn(admin.value(), QStringLiteral("limited-role-admin"));
    if (!conn.ok()) {
        *error = conn.error().message;
        return false;
    }
    QSqlQuery q(conn.db());
    if (!q.exec(sql)) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace

LimitedRole::LimitedRole(const ConnectionParams &db, const QStringList &readable)
    : m_db(db) {
    static int serial = 0;
    m_name =
        QStringLiteral("lst_limited_%1_%2").arg(QCoreApplication::applicationPid()).arg(++serial);
    const QString password = QString::number(QRandomGenerator::system()->generate64(), 36) +
                             QString::number(QRandomGenerator::system()->generate64(), 36);
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory for the role's pgpass file");
        return;
    }
    // The password goes into the statement and a pgpass file only, never argv.
    if (!asAdmin(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(m_name, password),
                 &m_error))
        return;
    QByteArray pass;
    if (qEnvironmentVariableIsSet("PGPASSFILE")) {
        m_previousPassFile = qgetenv("PGPASSFILE");
        QFile previous(QString::fromLocal8Bit(*m_previousPassFile));
        if (previous.open(QIODevice::ReadOnly))
            pass = previous.readAll();
    }
    if (!pass.isEmpty() && !pass.endsWith('\n'))
        pass += '\n';
    pass += QStringLiteral("*:*:*:%1:%2\n").arg(m_name, password).toUtf8();
    const QString path = m_dir.filePath(QStringLiteral("pgpass"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pass) != pass.size()) {
        m_error = QStringLiteral("cannot write %1").arg(path);
        return;
    }
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qputenv("PGPASSFILE", path.toLocal8Bit());
    m_params = db;
    m_params.user = m_name;
    if (!grant(readable) && m_error.isEmpty())
        m_error = QStringLiteral("cannot grant SELECT to %1").arg(m_name);
}

LimitedRole::~LimitedRole() {
    QString ignored;
    if (!m_name.isEmpty()) {
        (void)TestDb::exec(m_db, QStringLiteral("DROP OWNED BY %1").arg(m_name), &ignored);
        (void)asAdmin(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_name), &ignored);
    }
    if (m_previousPassFile)
        qputenv("PGPASSFILE", *m_previousPassFile);
    else
        qunsetenv("PGPASSFILE");
}

bool LimitedRole::grant(const QStringList &tables) {
    if (tables.isEmpty())
        return true;
    return TestDb::exec(
        m_db,
        QStringLiteral("GRANT SELECT ON %1 TO %2").arg(tables.join(QStringLiteral(", ")), m_name),
        &m_error);
}

} // namespace lockscope::test
