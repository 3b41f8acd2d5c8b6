#include "monitor/historystore.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <cmath>

namespace lockscope::ui {

namespace {

QAtomicInteger<quint64> g_serial;

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS samples (time REAL NOT NULL, source TEXT NOT NULL, "
    "waiting INTEGER, blockers INTEGER, longest_wait REAL, held_leases INTEGER, "
    "expired_leases INTEGER, advisory_held INTEGER, advisory_waiting INTEGER)",
    "CREATE INDEX IF NOT EXISTS samples_source_time ON samples (source, time)",
    "CREATE INDEX IF NOT EXISTS samples_time ON samples (time)",
    "CREATE TABLE IF NOT EXISTS alerts (id INTEGER PRIMARY KEY, source TEXT NOT NULL, "
    "rule TEXT NOT NULL, subject TEXT NOT NULL, severity INTEGER NOT NULL, text TEXT NOT NULL, "
    "since REAL NOT NULL, ended REAL)",
};

QString failure(const QString &what, const QSqlError &error) {
    return QStringLiteral("Cannot %1 in LockScope's history file: %2")
        .arg(what, error.text().trimmed());
}

QVariant nullable(int value) {
    return value < 0 ? QVariant() : QVariant(value);
}

int intOr(const QVariant &v) {
    return v.isNull() ? -1 : v.toInt();
}

} // namespace

HistoryStore::HistoryStore(const QString &path)
    : m_name(QStringLiteral("lockscope-history-%1").arg(++g_serial)) {
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = QStringLiteral("Cannot create the folder %1 for LockScope's history file.")
                      .arg(info.absolutePath());
        return;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        m_error = failure(QStringLiteral("open %1").arg(path), db.lastError());
        return;
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    for (const char *statement : kSchema) {
        if (!q.exec(QString::fromLatin1(statement))) {
            m_error = failure(QStringLiteral("create the tables"), q.lastError());
            return;
        }
    }
}

HistoryStore::~HistoryStore() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QString HistoryStore::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/history.sqlite");
}

Status HistoryStore::append(const MonitorSample &s) {
    if (!ok())
        return Error{ErrorKind::Database, m_error};
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    q.prepare(QStringLiteral("INSERT INTO samples VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(s.time);
    q.addBindValue(s.source);
    q.addBindValue(nullable(s.waiting));
    q.addBindValue(nullable(s.blockers));
    q.addBindValue(s.waiting < 0 ? QVariant() : QVariant(s.longestWait));
    q.addBindValue(s.heldLeases);
    q.addBindValue(s.expiredLeases);
    q.addBindValue(nullable(s.advisoryHeld));
    q.addBindValue(nullable(s.advisoryWaiting));
    if (!q.exec())
        return Error{ErrorKind::Database, failure(QStringLiteral("write a sample"), q.lastError())};
    return {};
}

Result<int> HistoryStore::prune(double now, double maxAgeS, qint64 maxRows) {
    if (!ok())
        return Error{ErrorKind::Database, m_error};
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    int removed = 0;
    q.prepare(QStringLiteral("DELETE FROM samples WHERE time < ?"));
    q.addBindValue(now - maxAgeS);
    if (!q.exec())
        return Error{ErrorKind::Database, failure(QStringLiteral("prune"), q.lastError())};
    removed += q.numRowsAffected();
    // The oldest rows beyond maxRows (rowids grow with insertion).
    q.prepare(QStringLiteral("DELETE FROM samples WHERE rowid <= "
                             "(SELECT max(rowid) FROM samples) - ?"));
    q.addBindValue(maxRows);
    if (!q.exec())
        return Error{ErrorKind::Database, failure(QStringLiteral("prune"), q.lastError())};
    removed += q.numRowsAffected();
    q.prepare(QStringLiteral("DELETE FROM alerts WHERE ended IS NOT NULL AND ended < ?"));
    q.addBindValue(now - maxAgeS);
    if (!q.exec())
        return Error{ErrorKind::Database, failure(QStringLiteral("prune"), q.lastError())};
    return removed;
}

Result<qint64> HistoryStore::count() {
    if (!ok())
        return Error{ErrorKind::Database, m_error};
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    if (!q.exec(QStringLiteral("SELECT count(*) FROM samples")) || !q.next())
        return Error{ErrorKind::Database, failure(QStringLiteral("count"), q.lastError())};
    return q.value(0).toLongLong();
}

Result<QList<MonitorSample>> HistoryStore::read(const QString &source, double from, double to,
                                                int maxPoints) {
    if (!ok())
        return Error{ErrorKind::Database, m_error};
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    q.setForwardOnly(true);
    const QString columns = QStringLiteral(
        "waiting, blockers, longest_wait, held_leases, expired_leases, advisory_held, "
        "advisory_waiting");
    bool grouped = false;
    if (maxPoints > 0) {
        q.prepare(QStringLiteral("SELECT count(*) FROM samples WHERE source = ? AND time >= ? "
                                 "AND time <= ?"));
        q.addBindValue(source);
        q.addBindValue(from);
        q.addBindValue(to);
        if (!q.exec() || !q.next())
            return Error{ErrorKind::Database, failure(QStringLiteral("read"), q.lastError())};
        grouped = q.value(0).toLongLong() > maxPoints;
        q.finish();
    }
    if (grouped) {
        // Buckets of equal time; each keeps its last time and its largest values.
        const double width = std::max(1e-3, (to - from) / maxPoints);
        q.prepare(QStringLiteral("SELECT max(time), max(waiting), max(blockers), "
                                 "max(longest_wait), max(held_leases), max(expired_leases), "
                                 "max(advisory_held), max(advisory_waiting) FROM samples "
                                 "WHERE source = ? AND time >= ? AND time <= ? "
                                 "GROUP BY CAST((time - ?) / ? AS INTEGER) ORDER BY 1"));
        q.addBindValue(source);
        q.addBindValue(from);
        q.addBindValue(to);
        q.addBindValue(from);
        q.addBindValue(width);
    } else {
        q.prepare(QStringLiteral("SELECT time, %1 FROM samples WHERE source = ? AND time >= ? "
                                 "AND time <= ? ORDER BY time")
                      .arg(columns));
        q.addBindValue(source);
        q.addBindValue(from);
        q.addBindValue(to);
    }
    if (!q.exec())
        return Error{ErrorKind::Database, failure(QStringLiteral("read"), q.lastError())};
    QList<MonitorSample> out;
    while (q.next()) {
        MonitorSample s;
        s.source = source;
        s.time = q.value(0).toDouble();
        s.waiting = intOr(q.value(1));
        s.blockers = intOr(q.value(2));
        s.longestWait = q.value(3).toDouble();
        s.heldLeases = q.value(4).toInt();
        s.expiredLeases = q.value(5).toInt();
        s.advisoryHeld = intOr(q.value(6));
        s.advisoryWaiting = intOr(q.value(7));
        out.append(s);
    }
    return out;
}

Status HistoryStore::recordAlert(const Alert &a) {
    if (!ok())
        return Error{ErrorKind::Database, m_error};
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(a.id);
    q.addBindValue(a.source);
    q.addBindValue(a.rule);
    q.addBindValue(a.subject.isEmpty() ? QStringLiteral("") : a.subject); // never NULL
    q.addBindValue(static_cast<int>(a.severity));
    q.addBindValue(a.text);
    q.addBindValue(a.since);
    q.addBindValue(a.isOpen() ? QVariant() : QVariant(a.ended));
    if (!q.exec())
        return Error{ErrorKind::Database,
                     failure(QStringLiteral("record an alert"), q.lastError())};
    return {};
}

Status HistoryStore::closeDangling() {
    if (!ok())
        return Error{ErrorKind::Database, m_error};
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    if (!q.exec(QStringLiteral(
            "UPDATE alerts SET ended = max(since, coalesce((SELECT max(time) FROM samples "
            "WHERE samples.source = alerts.source), since)) WHERE ended IS NULL")))
        return Error{ErrorKind::Database, failure(QStringLiteral("close alerts"), q.lastError())};
    return {};
}

Result<QList<Alert>> HistoryStore::alerts(double since, int limit) {
    if (!ok())
        return Error{ErrorKind::Database, m_error};
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, source, rule, subject, severity, text, since, ended "
                             "FROM alerts WHERE ended IS NULL OR ended >= ? "
                             "ORDER BY since DESC, id DESC LIMIT ?"));
    q.addBindValue(since);
    q.addBindValue(limit);
    if (!q.exec())
        return Error{ErrorKind::Database, failure(QStringLiteral("read alerts"), q.lastError())};
    QList<Alert> out;
    while (q.next()) {
        Alert a;
        a.id = q.value(0).toLongLong();
        a.source = q.value(1).toString();
        a.rule = q.value(2).toString();
        a.subject = q.value(3).toString();
        a.severity = q.value(4).toInt() == 2 ? Alert::Severity::Critical : Alert::Severity::Warning;
        a.text = q.value(5).toString();
        a.since = q.value(6).toDouble();
        a.ended = q.value(7).isNull() ? -1 : q.value(7).toDouble();
        out.append(a);
    }
    return out;
}

} // namespace lockscope::ui
