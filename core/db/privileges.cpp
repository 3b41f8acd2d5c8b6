#include "db/privileges.h"

#include "db/database.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

Result<Privileges> PrivilegeCheck::check(QSqlDatabase db, const ConnectionParams &params) {
    Privileges p;
    if (params.isSqlite()) {
        const QFileInfo file(params.sqlitePath);
        p.canReleaseLeases = file.isWritable() && QFileInfo(file.absolutePath()).isWritable();
        p.leaseReason =
            p.canReleaseLeases
                ? QString()
                : QCoreApplication::translate("lockscope::Privileges",
                                              "The SQLite file %1 is read-only for you.")
                      .arg(params.sqlitePath);
        p.backendReason = QCoreApplication::translate("lockscope::Privileges",
                                                      "SQLite has no server backends to signal.");
        return p;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT current_user, "
            "coalesce(has_table_privilege(current_user, 'aggregate_locks', 'DELETE'), false), "
            "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
            "OR pg_has_role(current_user, 'pg_signal_backend', 'MEMBER')")) ||
        !q.next()) {
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::Privileges", "check the role's privileges"));
    }
    p.databaseUser = q.value(0).toString();
    p.canReleaseLeases = q.value(1).toBool();
    p.canSignalBackends = q.value(2).toBool();
    if (!p.canReleaseLeases)
        p.leaseReason =
            QCoreApplication::translate("lockscope::Privileges",
                                        "Role '%1' has no DELETE privilege on aggregate_locks: it "
                                        "can look, not release or sweep.")
                .arg(p.databaseUser);
    if (!p.canSignalBackends)
        p.backendReason =
            QCoreApplication::translate("lockscope::Privileges",
                                        "Role '%1' may not signal other sessions (it needs "
                                        "pg_signal_backend).")
                .arg(p.databaseUser);
    return p;
}

} // namespace lockscope
