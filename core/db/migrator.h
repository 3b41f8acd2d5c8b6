#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QList>
#include <QString>

namespace lockscope {

struct Migration {
    int version = 0;
    QString name;     // "0001_aggregate_locks"
    QString checksum; // SHA-256 of the file, hex
    QString sql;
};

struct SchemaStatus {
    QList<Migration> applied;
    QList<Migration> pending;
    bool leaseTablePresent = false;
};

// Tracked migrations: numbered SQL files per dialect, compiled into the binary
// (resources :/migrations/postgres and :/migrations/sqlite).
// lockscope_schema_migrations records each applied version with its checksum (a
// table called schema_migrations belongs to golang-migrate, dbmate, Rails and
// the like, and is never touched; one with LockScope's four columns is the
// history of an earlier LockScope, which migrate() moves into LockScope's own
// table). Migrating twice is a no-op; an applied migration whose file changed,
// or one this build does not know, is an error (SchemaMismatch), never re-run.
class Migrator final {
public:
    static QList<Migration> available(Driver driver);

    // Applies what is pending, in one transaction (PostgreSQL: under an advisory
    // lock, so two migrators never race). Returns the migrations applied now.
    static Result<QList<Migration>> migrate(const ConnectionParams &params);

    // What is applied and pending, after the same consistency checks.
    static Result<SchemaStatus> status(const ConnectionParams &params);
};

} // namespace lockscope
