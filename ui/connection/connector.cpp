#include "connection/connector.h"

#include "admin/redisprivileges.h"
#include "db/catalog.h"
#include "db/database.h"
#include "db/migrator.h"
#include "redis/redisconnection.h"

#include <QDir>
#include <QFileInfo>

namespace lockscope::ui {

ConnectOutcome connectAndCheck(const ConnectionParams &params, const QString &profileName,
                               bool profileReadOnly, bool migrate) {
    ConnectOutcome out;
    if (params.isRedis()) {
        // No schema on Redis: connect (AUTH, SELECT, PING) and ask what the ACL
        // user may do.
        RedisConnection connection(params);
        auto privileges = RedisPrivileges::check(connection);
        if (!privileges.ok()) {
            out.error = privileges.error().message;
            return out;
        }
        Session session;
        session.params = params;
        session.profileName = profileName;
        session.privileges = privileges.value();
        session.profileReadOnly = profileReadOnly;
        out.session = session;
        return out;
    }
    if (migrate && params.isSqlite()) {
        QDir().mkpath(QFileInfo(params.sqlitePath).absolutePath());
        auto applied = Migrator::migrate(params);
        if (!applied.ok()) {
            out.error = applied.error().message;
            return out;
        }
    }
    ScopedConnection conn(params, QStringLiteral("connect"));
    if (!conn.ok()) {
        out.error = conn.error().message;
        return out;
    }
    // Only whether the lease table exists matters here. A read-only role
    // granted the lease tables but not the migration history
    // (lockscope_schema_migrations) is asked the catalog instead: nothing the
    // window shows depends on which migrations were applied.
    bool leaseTablePresent = false;
    if (auto status = Migrator::status(params); status.ok()) {
        leaseTablePresent = status->leaseTablePresent;
    } else if (status.error().kind == ErrorKind::PermissionDenied) {
        auto has = Catalog::hasTable(conn.db(), params, QStringLiteral("aggregate_locks"));
        if (!has.ok()) {
            out.error = has.error().message;
            return out;
        }
        leaseTablePresent = has.value();
    } else {
        out.error = status.error().message;
        return out;
    }
    if (!leaseTablePresent) {
        out.error =
            QObject::tr("The table aggregate_locks does not exist in %1. Create it with "
                        "`lockctl --db %2 migrate`, then connect again.")
                .arg(params.isSqlite() ? params.sqlitePath : params.database, params.displayUrl());
        return out;
    }
    auto privileges = PrivilegeCheck::check(conn.db(), params);
    if (!privileges.ok()) {
        out.error = privileges.error().message;
        return out;
    }
    Session session;
    session.params = params;
    session.profileName = profileName;
    session.privileges = privileges.value();
    session.profileReadOnly = profileReadOnly;
    out.session = session;
    return out;
}

} // namespace lockscope::ui
