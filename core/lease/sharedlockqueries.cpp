#include "lease/sharedlockqueries.h"

#include "db/catalog.h"
#include "db/database.h"
#include "lease/leaseinfo.h"
#include "lease/sharedlocksql.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

Result<SharedLockSnapshot> SharedLockQueries::snapshot(QSqlDatabase db,
                                                       const ConnectionParams &params) {
    SharedLockSnapshot snap;
    auto has = Catalog::hasTable(db, params, QStringLiteral("lockscope_lock_kinds"));
    if (!has.ok())
        return has.error();
    if (!has.value())
        return snap;
    snap.available = true;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(SharedLockSql::listAll(params.driver)))
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::SharedLockQueries",
                                        "list the semaphores and reader-writer leases"));
    while (q.next()) {
        snap.dbNow = q.value(9).toDouble();
        const QString key = q.value(0).toString();
        if (snap.keys.isEmpty() || snap.keys.last().key != key)
            snap.keys.append(SharedKeyRow{key, q.value(1).toString(), q.value(2).toInt(), {}});
        if (q.isNull(3))
            continue; // a key without holders
        SharedHolderRow h;
        h.role = q.value(3).toString();
        h.slot = q.isNull(4) ? -1 : q.value(4).toInt();
        h.token = q.value(5).toString();
        h.owner = OwnerToken::ownerOf(h.token);
        h.acquiredAt = q.value(6).toDouble();
        h.expiresAt = q.value(7).toDouble();
        if (!q.isNull(8))
            h.fence = q.value(8).toLongLong();
        snap.keys.last().holders.append(h);
    }
    if (snap.keys.isEmpty()) {
        QSqlQuery now(db);
        if (now.exec(QStringLiteral("SELECT %1").arg(Database::nowSql(params.driver))) &&
            now.next())
            snap.dbNow = now.value(0).toDouble();
    }
    return snap;
}

} // namespace lockscope
