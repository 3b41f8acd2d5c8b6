#include "load/loadworktable.h"

#include "db/database.h"
#include "db/threadconnections.h"
#include "load/redisloadwork.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

namespace {

const QString &purpose() {
    static const QString p = QStringLiteral("load-work");
    return p;
}

Status runPrepared(const ConnectionParams &params, const QString &sql, const QVariantList &values,
                   const QString &what, QVariant *first = nullptr) {
    auto statement = ThreadConnections::prepared(params, purpose(), sql);
    if (!statement.ok())
        return statement.error();
    QSqlQuery &q = *statement.value();
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec()) {
        const QSqlError error = q.lastError();
        q.finish();
        if (Database::isConnectionLost(error))
            ThreadConnections::drop(params, purpose());
        return Database::classify(error, params, what);
    }
    if (first && q.next())
        *first = q.value(0);
    q.finish();
    return {};
}

} // namespace

Status LoadWorkTable::prepare(const ConnectionParams &params, const QString &runId,
                              const QStringList &keys) {
    if (params.isRedis())
        return RedisLoadWork::prepare(params, runId, keys);
    // A connection of its own: prepare() runs on whatever thread starts the run
    // (a pool thread in the GUI), which must not keep a connection behind.
    ScopedConnection conn(params, QStringLiteral("load-prepare"));
    if (!conn.ok())
        return conn.error();
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral("INSERT INTO lockscope_load_counters (run_id, lock_key, value) VALUES "
                             "(?, ?, 0) ON CONFLICT (run_id, lock_key) DO NOTHING"));
    for (const QString &key : keys) {
        q.bindValue(0, runId);
        q.bindValue(1, key);
        if (!q.exec())
            return Database::classify(q.lastError(), params,
                                      QCoreApplication::translate("lockscope::LoadWorkTable",
                                                                  "prepare the load counters"));
    }
    return {};
}

Status LoadWorkTable::readValue(const ConnectionParams &params, const QString &runId,
                                const QString &key, qint64 *value) {
    if (params.isRedis())
        return RedisLoadWork::readValue(params, runId, key, value);
    QVariant v;
    auto s = runPrepared(
        params,
        QStringLiteral("SELECT value FROM lockscope_load_counters WHERE run_id = ? "
                       "AND lock_key = ?"),
        {runId, key},
        QCoreApplication::translate("lockscope::LoadWorkTable", "read a load counter"), &v);
    *value = v.toLongLong();
    return s;
}

Status LoadWorkTable::writeValue(const ConnectionParams &params, const QString &runId,
                                 const QString &key, qint64 value) {
    if (params.isRedis())
        return RedisLoadWork::writeValue(params, runId, key, value);
    return runPrepared(
        params,
        QStringLiteral("UPDATE lockscope_load_counters SET value = ? WHERE run_id = "
                       "? AND lock_key = ?"),
        {value, runId, key},
        QCoreApplication::translate("lockscope::LoadWorkTable", "write a load counter"));
}

Result<QHash<QString, qint64>> LoadWorkTable::counters(const ConnectionParams &params,
                                                       const QString &runId) {
    if (params.isRedis())
        return RedisLoadWork::counters(params, runId);
    ScopedConnection conn(params, QStringLiteral("load-check"));
    if (!conn.ok())
        return conn.error();
    QSqlQuery q(conn.db());
    q.prepare(
        QStringLiteral("SELECT lock_key, value FROM lockscope_load_counters WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::LoadWorkTable", "read the load counters"));
    QHash<QString, qint64> values;
    while (q.next())
        values.insert(q.value(0).toString(), q.value(1).toLongLong());
    return values;
}

Result<qint64> LoadWorkTable::leftoverLeases(const ConnectionParams &params, const QString &runId) {
    if (params.isRedis())
        return RedisLoadWork::leftoverLeases(params, runId);
    ScopedConnection conn(params, QStringLiteral("load-check"));
    if (!conn.ok())
        return conn.error();
    QSqlQuery q(conn.db());
    // The run's keys are "load/<run>/k<i>"; compare the prefix, no LIKE pattern.
    q.prepare(
        QStringLiteral("SELECT count(*) FROM aggregate_locks WHERE substr(lock_key, 1, ?) = ?"));
    const QString prefix = QStringLiteral("load/%1/").arg(runId);
    q.addBindValue(prefix.size());
    q.addBindValue(prefix);
    if (!q.exec() || !q.next())
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::LoadWorkTable", "check for leftover leases"));
    return q.value(0).toLongLong();
}

Status LoadWorkTable::drop(const ConnectionParams &params, const QString &runId) {
    if (params.isRedis())
        return RedisLoadWork::drop(params, runId);
    ScopedConnection conn(params, QStringLiteral("load-check"));
    if (!conn.ok())
        return conn.error();
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral("DELETE FROM lockscope_load_counters WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::LoadWorkTable", "drop the load counters"));
    return {};
}

} // namespace lockscope
