#include "lease/fencedwrite.h"

#include "db/database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

Result<bool> FencedWrite::apply(QSqlDatabase db, const ConnectionParams &params,
                                const QString &resource, qint64 fence,
                                const std::function<Status(QSqlDatabase)> &write) {
    const QString what =
        QCoreApplication::translate("lockscope::FencedWrite", "write to '%1' with fence %2")
            .arg(resource)
            .arg(fence);
    if (!db.transaction())
        return Database::classify(db.lastError(), params, what);
    bool accepted = false;
    {
        QSqlQuery q(db);
        // The conditional raise takes the resource's row lock: concurrent fenced
        // writers of one resource go one at a time, and the stale one loses.
        const bool prepared = q.prepare(QStringLiteral(
            "INSERT INTO lockscope_resource_fences (resource, highest_fence) VALUES (?, ?) "
            "ON CONFLICT (resource) DO UPDATE SET highest_fence = excluded.highest_fence "
            "WHERE lockscope_resource_fences.highest_fence <= excluded.highest_fence "
            "RETURNING highest_fence"));
        q.addBindValue(resource);
        q.addBindValue(fence);
        if (!prepared || !q.exec()) {
            const Error e = Database::classify(q.lastError(), params, what);
            q = QSqlQuery();
            db.rollback();
            return e;
        }
        accepted = q.next();
    }
    if (!accepted) {
        db.rollback();
        return false;
    }
    if (auto written = write(db); !written.ok()) {
        db.rollback();
        return written.error();
    }
    if (!db.commit()) {
        const Error e = Database::classify(db.lastError(), params, what);
        db.rollback();
        return e;
    }
    return true;
}

Result<qint64> FencedWrite::highest(QSqlDatabase db, const ConnectionParams &params,
                                    const QString &resource) {
    QSqlQuery q(db);
    const bool prepared = q.prepare(
        QStringLiteral("SELECT highest_fence FROM lockscope_resource_fences WHERE resource = ?"));
    q.addBindValue(resource);
    if (!prepared || !q.exec())
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::FencedWrite", "read the fence of '%1'")
                .arg(resource));
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

} // namespace lockscope
