#pragma once

#include "base/result.h"

#include <QString>

namespace lockscope {

enum class Driver { Postgres, Sqlite, Redis };

// Everything needed to open a connection, as a value that may cross threads.
// The password is held only in memory: it is never part of displayUrl(),
// an error message, a log line or a settings file.
struct ConnectionParams {
    Driver driver = Driver::Sqlite;
    QString host;     // PostgreSQL; empty means libpq's default (local socket)
    int port = 5432;  // PostgreSQL
    QString database; // PostgreSQL database name
    QString user;     // PostgreSQL role; empty means libpq's default
    QString password; // PostgreSQL; empty means PGPASSWORD / ~/.pgpass
    QString sslmode;  // PostgreSQL: disable, allow, prefer, require, verify-ca, verify-full
    QString sslrootcert;
    QString sqlitePath; // SQLite: absolute path of the database file
    int connectTimeoutS = 5;
    // Redis (redis:// or rediss://, see db/redisurl.h): host, port, user,
    // password (else $REDISCLI_AUTH at connect time) and sslrootcert as above.
    bool redisTls = false;
    int redisDb = 0;
    QString redisPrefix; // prepended to every lease key
    // A Redis glob on keys without the prefix: which keys a listing reads
    // (see lease/redisscope.h); empty: the whole prefix, or without a prefix
    // LockScope's own locks only.
    QString redisMatch;
    QString applicationName = QStringLiteral("lockscope");

    bool isPostgres() const { return driver == Driver::Postgres; }
    bool isSqlite() const { return driver == Driver::Sqlite; }
    bool isRedis() const { return driver == Driver::Redis; }
    QString qtDriverName() const;

    // The URL with the password left out; safe to show, to store and to hand to a
    // child process (which gets the password, if any, through PGPASSWORD).
    QString displayUrl() const;
    // A stable identity for per-thread connection names (no password in it).
    QString identity() const;
    // libpq-style options for QPSQL (connect_timeout, sslmode, sslrootcert,
    // application_name), each value quoted by libpq's conninfo rules, so a space
    // or a quote in a value stays in it and cannot start another option.
    QString postgresConnectOptions() const;
    // Why an option value cannot reach libpq as it is, or empty: QPSQL turns
    // every ';' of its options into a space (inside quotes too), and a NUL
    // character would cut the string. fromUrl() and Database::open() refuse such
    // values rather than pass on something else.
    QString unsafeOption() const;

    // postgres://user[:password]@host[:port]/db?sslmode=…&sslrootcert=…&connect_timeout=…
    // postgresql://… ; sqlite:///absolute/path.db ; sqlite:relative.db ;
    // redis://[user[:password]@]host[:port][/db][?prefix=…&match=…] ; rediss://…?sslrootcert=…
    static Result<ConnectionParams> fromUrl(const QString &url);
    // The embedded default: a SQLite file in the user's data directory.
    static ConnectionParams embeddedDefault();
    static QString embeddedDefaultPath();
    // --db if given, else $LOCKSCOPE_DB, else the embedded default.
    static Result<ConnectionParams> resolve(const QString &urlOrEmpty);
};

} // namespace lockscope
