#include "support/sqlitewritelock.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

namespace lockscope::test {

namespace {
QAtomicInteger<int> g_serial;
} // namespace

SqliteWriteLock::SqliteWriteLock(const ConnectionParams &params, Mode mode)
    : m_name(QStringLiteral("sqlite-write-lock-%1").arg(++g_serial)) {
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(params.sqlitePath);
    if (!m_db.open()) {
        m_error = m_db.lastError().text();
        return;
    }
    QSqlQuery q(m_db);
    m_held = q.exec(mode == Mode::Exclusive ? QStringLiteral("BEGIN EXCLUSIVE")
                                            : QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_held)
        m_error = q.lastError().text();
}

SqliteWriteLock::~SqliteWriteLock() {
    (void)end();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool SqliteWriteLock::end(bool commit) {
    if (!m_held)
        return false;
    QSqlQuery q(m_db);
    if (!q.exec(commit ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK")))
        return false;
    m_held = false;
    return true;
}

} // namespace lockscope::test
