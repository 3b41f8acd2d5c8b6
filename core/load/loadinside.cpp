#include "load/loadinside.h"

#include "db/database.h"
#include "db/threadconnections.h"
#include "load/redisloadinside.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

namespace {

Status runOn(const ConnectionParams &params, const QString &sql, const QVariantList &values,
             const QString &what) {
    const QString purpose = QStringLiteral("load-work");
    auto statement = ThreadConnections::prepared(params, purpose, sql);
    if (!statement.ok())
        return statement.error();
    QSqlQuery &q = *statement.value();
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec()) {
        const QSqlError error = q.lastError();
        q.finish();
        if (Database::isConnectionLost(error))
            ThreadConnections::drop(params, purpose);
        return Database::classify(error, params, what);
    }
    q.finish();
    return {};
}

QString maxOf(const ConnectionParams &params, const QString &a, const QString &b) {
    return params.isPostgres() ? QStringLiteral("GREATEST(%1, %2)").arg(a, b)
                               : QStringLiteral("max(%1, %2)").arg(a, b);
}

} // namespace

Status LoadInside::prepare(const ConnectionParams &params, const QString &runId,
                           const QStringList &keys) {
    if (params.isRedis())
        return RedisLoadInside::prepare(params, runId, keys);
    ScopedConnection conn(params, QStringLiteral("load-prepare"));
    if (!conn.ok())
        return conn.error();
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral("INSERT INTO lockscope_load_inside (run_id, lock_key) VALUES (?, ?) "
                             "ON CONFLICT (run_id, lock_key) DO NOTHING"));
    for (const QString &key : keys) {
        q.bindValue(0, runId);
        q.bindValue(1, key);
        if (!q.exec())
            return Database::classify(
                q.lastError(), params,
                QCoreApplication::translate("lockscope::LoadInside", "prepare the load probe"));
    }
    return {};
}

Status LoadInside::enter(const ConnectionParams &params, const QString &runId, const QString &key,
                         Role role) {
    if (params.isRedis())
        return RedisLoadInside::enter(params, runId, key, role);
    QString set =
        QStringLiteral("inside = inside + 1, max_inside = %1")
            .arg(maxOf(params, QStringLiteral("max_inside"), QStringLiteral("inside + 1")));
    if (role == Role::Reader)
        set += QStringLiteral(", readers = readers + 1, overlapped = overlapped + "
                              "CASE WHEN writers > 0 THEN 1 ELSE 0 END");
    else if (role == Role::Writer)
        set += QStringLiteral(", writers = writers + 1, overlapped = overlapped + "
                              "CASE WHEN writers > 0 OR readers > 0 THEN 1 ELSE 0 END");
    return runOn(params,
                 QStringLiteral("UPDATE lockscope_load_inside SET %1 WHERE run_id = ? AND "
                                "lock_key = ?")
                     .arg(set),
                 {runId, key},
                 QCoreApplication::translate("lockscope::LoadInside", "enter the load section"));
}

Status LoadInside::leave(const ConnectionParams &params, const QString &runId, const QString &key,
                         Role role) {
    if (params.isRedis())
        return RedisLoadInside::leave(params, runId, key, role);
    QString set = QStringLiteral("inside = inside - 1");
    if (role == Role::Reader)
        set += QStringLiteral(", readers = readers - 1");
    else if (role == Role::Writer)
        set += QStringLiteral(", writers = writers - 1");
    return runOn(params,
                 QStringLiteral("UPDATE lockscope_load_inside SET %1 WHERE run_id = ? AND "
                                "lock_key = ?")
                     .arg(set),
                 {runId, key},
                 QCoreApplication::translate("lockscope::LoadInside", "leave the load section"));
}

Result<QHash<QString, LoadInside::Figures>> LoadInside::figures(const ConnectionParams &params,
                                                                const QString &runId) {
    if (params.isRedis())
        return RedisLoadInside::figures(params, runId);
    ScopedConnection conn(params, QStringLiteral("load-finish"));
    if (!conn.ok())
        return conn.error();
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral(
        "SELECT lock_key, max_inside, overlapped FROM lockscope_load_inside WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::LoadInside", "read the load probe"));
    QHash<QString, Figures> out;
    while (q.next())
        out.insert(q.value(0).toString(),
                   Figures{q.value(1).toLongLong(), q.value(2).toLongLong()});
    return out;
}

Status LoadInside::drop(const ConnectionParams &params, const QString &runId) {
    if (params.isRedis())
        return RedisLoadInside::drop(params, runId);
    ScopedConnection conn(params, QStringLiteral("load-finish"));
    if (!conn.ok())
        return conn.error();
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral("DELETE FROM lockscope_load_inside WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::LoadInside", "drop the load probe"));
    return {};
}

} // namespace lockscope
