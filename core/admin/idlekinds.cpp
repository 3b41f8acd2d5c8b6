#include "admin/idlekinds.h"

#include "db/catalog.h"
#include "db/database.h"
#include "lease/leasesql.h"
#include "lease/sharedlocksql.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

Result<qint64> IdleKinds::drop(QSqlDatabase db, const ConnectionParams &params, bool dryRun) {
    const QString what = QCoreApplication::translate(
        "lockscope::IdleKinds", "drop the kinds of idle semaphores and reader-writer keys");
    auto has = Catalog::hasTable(db, params, QStringLiteral("lockscope_lock_kinds"));
    if (!has.ok())
        return has.error();
    if (!has.value())
        return qint64(0);
    QSqlQuery q(db);
    if (params.isPostgres()) { // lockscope_drop_idle_kind is migration 0009's
        if (!q.exec(QStringLiteral("SELECT to_regproc('lockscope_drop_idle_kind') IS NOT NULL")) ||
            !q.next())
            return Database::classify(q.lastError(), params, what);
        if (!q.value(0).toBool())
            return qint64(0);
    }
    if (dryRun) {
        if (!q.exec(SharedLockSql::countIdleKinds(params.driver)) || !q.next())
            return Database::classify(q.lastError(), params, what);
        return q.value(0).toLongLong();
    }
    if (params.isPostgres()) {
        if (!q.exec(SharedLockSql::dropIdleKindsPostgres()) || !q.next())
            return Database::classify(q.lastError(), params, what);
        return q.value(0).toLongLong();
    }
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Database::classify(q.lastError(), params, what);
    const auto fail = [&](const QSqlError &error) -> Result<qint64> {
        const Error e = Database::classify(error, params, what);
        QSqlQuery rollback(db);
        (void)rollback.exec(QStringLiteral("ROLLBACK"));
        return e;
    };
    if (!q.exec(LeaseSql::dbNow(Driver::Sqlite)) || !q.next())
        return fail(q.lastError());
    const double now = q.value(0).toDouble();
    q.finish();
    qint64 dropped = 0;
    for (const QString &sql : SharedLockSql::dropIdleKindsSqlite()) {
        QSqlQuery d(db);
        if (!d.prepare(sql))
            return fail(d.lastError());
        d.addBindValue(now);
        d.addBindValue(now);
        if (!d.exec())
            return fail(d.lastError());
        dropped = d.numRowsAffected(); // the last statement's: the kinds
    }
    QSqlQuery commit(db);
    if (!commit.exec(QStringLiteral("COMMIT")))
        return fail(commit.lastError());
    return dropped;
}

} // namespace lockscope
