#include "db/migrator.h"

#include "db/catalog.h"
#include "db/database.h"
#include "db/sqlscript.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>

namespace lockscope {

namespace {

// hashtextextended('lockscope.migrate', 0) would also do; a constant needs no catalog.
constexpr qint64 kMigrateLockKey = 0x4c6f636b53636f70; // "LockScop"

// LockScope's history has a name of its own: golang-migrate, dbmate and Rails
// keep theirs in `schema_migrations`, which LockScope never touches. An earlier
// LockScope kept its history there too, recognisable by its four columns.
const QString kHistory = QStringLiteral("lockscope_schema_migrations");
const QString kEarlierHistory = QStringLiteral("schema_migrations");

QString createTrackingTable() {
    return QStringLiteral("CREATE TABLE IF NOT EXISTS lockscope_schema_migrations ("
                          "version integer PRIMARY KEY, name text NOT NULL, "
                          "checksum text NOT NULL, applied_at double precision NOT NULL)");
}

enum class History { Own, Earlier, None };

// Where this database's history is: LockScope's own table; else an earlier
// LockScope's schema_migrations(version, name, checksum, applied_at); else
// nowhere (a schema_migrations of any other shape belongs to another tool).
Result<History> locateHistory(const QSqlDatabase &db, const ConnectionParams &params) {
    auto own = Catalog::hasTable(db, params, kHistory);
    if (!own.ok())
        return own.error();
    if (own.value())
        return History::Own;
    auto earlier = Catalog::columns(db, params, kEarlierHistory);
    if (!earlier.ok())
        return earlier.error();
    const QStringList lockscopeColumns{QStringLiteral("version"), QStringLiteral("name"),
                                       QStringLiteral("checksum"), QStringLiteral("applied_at")};
    return earlier.value() == lockscopeColumns ? History::Earlier : History::None;
}

struct Applied {
    int version;
    QString name;
    QString checksum;
};

Result<QList<Applied>> readApplied(const QSqlDatabase &db, const ConnectionParams &params,
                                   History where) {
    QList<Applied> applied;
    if (where == History::None)
        return applied;
    const QString table = where == History::Own ? kHistory : kEarlierHistory;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT version, name, checksum FROM %1 ORDER BY version").arg(table)))
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::Migrator", "read the migration history (%1)")
                .arg(table));
    while (q.next())
        applied.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toString()});
    if (q.lastError().isValid()) // a row that could not be read: not the end of the history
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::Migrator", "read the migration history (%1)")
                .arg(table));
    return applied;
}

// Compares what the database recorded with what this build carries.
Result<SchemaStatus> compare(const QList<Applied> &applied, const QList<Migration> &known) {
    QHash<int, Migration> byVersion;
    for (const Migration &m : known)
        byVersion.insert(m.version, m);
    SchemaStatus status;
    QHash<int, bool> done;
    for (const Applied &a : applied) {
        const auto it = byVersion.constFind(a.version);
        if (it == byVersion.constEnd()) {
            return Error{ErrorKind::SchemaMismatch,
                         QCoreApplication::translate(
                             "lockscope::Migrator",
                             "The database has migration %1 (%2), which this build of "
                             "LockScope does not know: a newer LockScope migrated it. "
                             "Upgrade LockScope before using this database.")
                             .arg(a.version)
                             .arg(a.name)};
        }
        if (it->checksum != a.checksum) {
            return Error{ErrorKind::SchemaMismatch,
                         QCoreApplication::translate(
                             "lockscope::Migrator",
                             "Migration %1 was changed after it was applied (checksum "
                             "%2… in the database, %3… in this build). Applied "
                             "migrations are never re-run: restore the original file "
                             "and add a new migration instead.")
                             .arg(it->name, a.checksum.left(12), it->checksum.left(12))};
        }
        status.applied.append(*it);
        done.insert(a.version, true);
    }
    for (const Migration &m : known) {
        if (!done.contains(m.version))
            status.pending.append(m);
    }
    return status;
}

} // namespace

QList<Migration> Migrator::available(Driver driver) {
    const QString dir = driver == Driver::Postgres ? QStringLiteral(":/migrations/postgres")
                                                   : QStringLiteral(":/migrations/sqlite");
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> list;
    const QStringList files =
        QDir(dir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        QFile f(dir + QLatin1Char('/') + file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        Migration m;
        m.version = match.captured(1).toInt();
        m.name = file.chopped(4);
        m.checksum = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        m.sql = QString::fromUtf8(bytes);
        list.append(m);
    }
    return list;
}

Result<SchemaStatus> Migrator::status(const ConnectionParams &params) {
    ScopedConnection conn(params, QStringLiteral("migrate-status"));
    if (!conn.ok())
        return conn.error();
    QSqlDatabase db = conn.db();
    // Read-only: an earlier LockScope's history is read where it is (the next
    // migrate moves it).
    auto where = locateHistory(db, params);
    if (!where.ok())
        return where.error();
    auto applied = readApplied(db, params, where.value());
    if (!applied.ok())
        return applied.error();
    auto status = compare(applied.value(), available(params.driver));
    if (!status.ok())
        return status;
    auto leaseTable = Catalog::hasTable(db, params, QStringLiteral("aggregate_locks"));
    if (!leaseTable.ok())
        return leaseTable.error();
    status->leaseTablePresent = leaseTable.value();
    return status;
}

Result<QList<Migration>> Migrator::migrate(const ConnectionParams &params) {
    ScopedConnection conn(params, QStringLiteral("migrate"));
    if (!conn.ok())
        return conn.error();
    QSqlDatabase db = conn.db();
    const QString what = QCoreApplication::translate("lockscope::Migrator", "migrate the schema");
    QSqlQuery q(db);

    auto run = [&](const QString &sql) -> Status {
        if (q.exec(sql))
            return {};
        return Database::classify(q.lastError(), params, what);
    };
    auto rollback = [&](const Error &e) -> Result<QList<Migration>> {
        q.exec(QStringLiteral("ROLLBACK"));
        return e;
    };

    if (params.isPostgres()) {
        if (auto s = run(QStringLiteral("BEGIN")); !s.ok())
            return s.error();
        if (auto s = run(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrateLockKey));
            !s.ok())
            return rollback(s.error());
    } else if (auto s = run(QStringLiteral("BEGIN IMMEDIATE")); !s.ok()) {
        return s.error();
    }
    auto where = locateHistory(db, params);
    if (!where.ok())
        return rollback(where.error());
    if (auto s = run(createTrackingTable()); !s.ok())
        return rollback(s.error());
    if (where.value() == History::Earlier) {
        // Adopt an earlier LockScope's history: moved, in this transaction, so the
        // name is free for other tools and nothing applied is run again.
        if (auto s = run(QStringLiteral("INSERT INTO lockscope_schema_migrations (version, name, "
                                        "checksum, applied_at) SELECT version, name, checksum, "
                                        "applied_at FROM schema_migrations"));
            !s.ok())
            return rollback(s.error());
        if (auto s = run(QStringLiteral("DROP TABLE schema_migrations")); !s.ok())
            return rollback(s.error());
    }

    auto applied = readApplied(db, params, History::Own);
    if (!applied.ok())
        return rollback(applied.error());
    auto status = compare(applied.value(), available(params.driver));
    if (!status.ok())
        return rollback(status.error());

    for (const Migration &m : std::as_const(status->pending)) {
        const QStringList statements = SqlScript::split(m.sql);
        for (const QString &statement : statements) {
            if (auto s = run(statement); !s.ok()) {
                return rollback(
                    Error{s.error().kind, QCoreApplication::translate("lockscope::Migrator",
                                                                      "Migration %1 failed: %2")
                                              .arg(m.name, s.error().message)});
            }
        }
        QSqlQuery record(db);
        record.prepare(QStringLiteral("INSERT INTO lockscope_schema_migrations (version, name, "
                                      "checksum, applied_at) VALUES (?, ?, ?, %1)")
                           .arg(Database::nowSql(params.driver)));
        record.addBindValue(m.version);
        record.addBindValue(m.name);
        record.addBindValue(m.checksum);
        if (!record.exec()) {
            const Error e = Database::classify(record.lastError(), params, what);
            record = QSqlQuery();
            return rollback(e);
        }
    }
    if (auto s = run(QStringLiteral("COMMIT")); !s.ok())
        return rollback(s.error());
    return status->pending;
}

} // namespace lockscope
