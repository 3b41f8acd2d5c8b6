#include "lease/sharedlockqueries.h"

#include "db/catalog.h"
#include "db/database.h"
#include "lease/leaseinfo.h"
#include "lease/sharedlocksql.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

namespace {

struct Refused {
    QString role;
    QStringList tables;
};

// PostgreSQL: the tables of semaphores and reader-writer leases this role may
// not SELECT from (those that exist), and the role's name as SQL writes it.
Result<Refused> unreadableTables(const QSqlDatabase &db, const ConnectionParams &params) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT quote_ident(current_user), t FROM unnest(ARRAY['lockscope_lock_kinds', "
            "'lockscope_semaphore_slots', 'lockscope_rw_holders']) WITH ORDINALITY AS u(t, i) "
            "WHERE to_regclass(t) IS NOT NULL AND NOT has_table_privilege(to_regclass(t), "
            "'SELECT') ORDER BY i")))
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::SharedLockQueries",
                                        "check which tables of semaphores and reader-writer "
                                        "leases this role may read"));
    Refused r;
    while (q.next()) {
        r.role = q.value(0).toString();
        r.tables << q.value(1).toString();
    }
    return r;
}

QString unreadableReason(const Refused &r) {
    const QString tables = r.tables.join(QStringLiteral(", "));
    return QCoreApplication::translate(
               "lockscope::SharedLockQueries",
               "Semaphores and reader-writer leases are not shown: the role %1 may not read %2. "
               "To see them, have the tables' owner run: GRANT SELECT ON %2 TO %1;")
        .arg(r.role, tables);
}

} // namespace

Result<SharedLockSnapshot> SharedLockQueries::snapshot(QSqlDatabase db,
                                                       const ConnectionParams &params) {
    SharedLockSnapshot snap;
    auto has = Catalog::hasTable(db, params, QStringLiteral("lockscope_lock_kinds"));
    if (!has.ok())
        return has.error();
    if (!has.value())
        return snap;
    if (params.isPostgres()) {
        auto refused = unreadableTables(db, params);
        if (!refused.ok())
            return refused.error();
        if (!refused->tables.isEmpty()) {
            snap.unreadable = unreadableReason(refused.value());
            return snap;
        }
    }
    snap.available = true;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(SharedLockSql::listAll(params.driver))) {
        const Error e = Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::SharedLockQueries",
                                        "list the semaphores and reader-writer leases"));
        if (e.kind != ErrorKind::PermissionDenied)
            return e;
        // Readable by the table grants, refused all the same (a column grant,
        // row security): the same answer, with the server's own sentence.
        snap.available = false;
        snap.unreadable = e.message;
        return snap;
    }
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
