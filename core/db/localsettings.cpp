#include "db/localsettings.h"

#include "db/database.h"
#include "db/pghandle.h"

#include <QSqlQuery>

namespace lockscope {

Status LocalSettings::run(const QSqlDatabase &db, const ConnectionParams &params,
                          const QString &what, const Settings &settings,
                          const std::function<Status(const QSqlDatabase &)> &body) {
    const bool nested = pgInTransaction(db);
    auto exec = [&](const QString &sql, const QVariantList &values = {}) -> Status {
        QSqlQuery q(db);
        if (values.isEmpty()) {
            if (q.exec(sql)) // BEGIN, SAVEPOINT and ROLLBACK cannot be PREPAREd
                return {};
            return Database::classify(q.lastError(), params, what);
        }
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return Database::exec(q, params, what);
    };
    auto end = [&] {
        if (nested) {
            (void)exec(QStringLiteral("ROLLBACK TO SAVEPOINT lockscope_local_settings"));
            (void)exec(QStringLiteral("RELEASE SAVEPOINT lockscope_local_settings"));
        } else {
            (void)exec(QStringLiteral("ROLLBACK"));
        }
    };
    if (auto s = exec(nested ? QStringLiteral("SAVEPOINT lockscope_local_settings")
                             : QStringLiteral("BEGIN"));
        !s.ok())
        return s;
    for (const auto &[name, value] : settings) {
        if (auto s = exec(QStringLiteral("SELECT set_config(?, ?, true)"), {name, value});
            !s.ok()) {
            end();
            return s;
        }
    }
    const Status result = body(db);
    end();
    return result;
}

Result<bool> LocalSettings::beginBoundedWrite(const QSqlDatabase &db,
                                              const ConnectionParams &params, const QString &what,
                                              std::chrono::milliseconds rowWait) {
    // Any QSqlDatabase, not a const one: transaction() is not const.
    QSqlDatabase conn = db;
    if (!params.isPostgres() || !conn.transaction())
        return false;
    QSqlQuery limit(conn);
    if (limit.exec(QStringLiteral("SET LOCAL lock_timeout = '%1ms'").arg(rowWait.count())))
        return true;
    const Error e = Database::classify(limit.lastError(), params, what);
    limit = QSqlQuery();
    conn.rollback();
    return e;
}

} // namespace lockscope
