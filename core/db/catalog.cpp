#include "db/catalog.h"

#include "db/database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

namespace {

QString lookUp(const QString &table) {
    return QCoreApplication::translate("lockscope::Catalog", "look up the table %1").arg(table);
}

} // namespace

Result<bool> Catalog::hasTable(const QSqlDatabase &db, const ConnectionParams &params,
                               const QString &table) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(params.isPostgres()
                  ? QStringLiteral("SELECT pg_catalog.to_regclass(CAST(? AS text)) IS NOT NULL")
                  : QStringLiteral("SELECT count(*) > 0 FROM sqlite_master WHERE type IN "
                                   "('table', 'view') AND name = ? COLLATE NOCASE"));
    q.addBindValue(table);
    if (auto s = Database::exec(q, params, lookUp(table)); !s.ok())
        return s.error();
    if (!q.next())
        return Database::classify(q.lastError(), params, lookUp(table));
    return q.value(0).toBool();
}

Result<QStringList> Catalog::columns(const QSqlDatabase &db, const ConnectionParams &params,
                                     const QString &table) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(params.isPostgres()
                  ? QStringLiteral("SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = "
                                   "pg_catalog.to_regclass(CAST(? AS text)) AND attnum > 0 AND NOT "
                                   "attisdropped ORDER BY attnum")
                  : QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"));
    q.addBindValue(table);
    if (auto s = Database::exec(q, params, lookUp(table)); !s.ok())
        return s.error();
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    if (q.lastError().isValid())
        return Database::classify(q.lastError(), params, lookUp(table));
    return names;
}

} // namespace lockscope
