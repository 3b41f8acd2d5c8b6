#include "support/sqlitewritelock.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace lockscope::test {

namespace {
QAtomicInteger<int> g_serial;
} // namespace

SqliteWriteLock::SqliteWriteLock(const ConnectionParams &params, Mode mode) {
    m_thread = std::thread([this, params, mode] { hold(params, mode); });
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_started; });
}

SqliteWriteLock::~SqliteWriteLock() {
    (void)end();
    m_thread.join();
}

bool SqliteWriteLock::end(bool commit) {
    std::unique_lock lock(m_mutex);
    if (!m_endAsked) {
        m_endAsked = true;
        m_commit = commit;
        m_changed.notify_all();
    }
    m_changed.wait(lock, [this] { return m_ended; });
    return m_endedAsAsked && m_commit == commit;
}

void SqliteWriteLock::hold(const ConnectionParams &params, Mode mode) {
    const QString name = QStringLiteral("sqlite-write-lock-%1").arg(++g_serial);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(params.sqlitePath);
        bool held = false;
        QString error;
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            held = q.exec(mode == Mode::Exclusive ? QStringLiteral("BEGIN EXCLUSIVE")
                                                  : QStringLiteral("BEGIN IMMEDIATE"));
            if (!held)
                error = q.lastError().text();
        }
        bool commit = false;
        {
            std::unique_lock lock(m_mutex);
            m_held = held;
            m_error = error;
            m_started = true;
            m_changed.notify_all();
            m_changed.wait(lock, [this] { return m_endAsked; });
            commit = m_commit;
        }
        bool ended = false;
        if (held) {
            QSqlQuery q(db);
            ended = q.exec(commit ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
        }
        db.close();
        std::lock_guard lock(m_mutex);
        m_held = false;
        m_endedAsAsked = ended;
        m_ended = true;
        m_changed.notify_all();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace lockscope::test
