#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace lockscope {

class SqliteStatement;

// One named connection per thread, per purpose and per database. A connection
// belongs to the thread that opened it; it is closed and removed when that
// thread ends (or when drop() is called after the connection was lost).
namespace ThreadConnections {

// Names a purpose on a database; compute it once (it hashes the parameters)
// and reuse it on hot paths.
struct Key {
    Key(const ConnectionParams &params, const QString &forPurpose);
    QString prefix;
    QString purpose;
};

// PostgreSQL: a statement every new connection for `purpose` runs once, right
// after it opens, on any thread (session settings such as a lock_timeout).
// Connections already open keep what they had.
void setSessionSetup(const QString &purpose, const QString &postgresSql);

// The calling thread's connection for `purpose` ("lease", "work", …), opened on
// first use and reopened after drop().
Result<QSqlDatabase> get(const ConnectionParams &params, const QString &purpose);
Result<QSqlDatabase> get(const ConnectionParams &params, const Key &key);

// A statement prepared once on the calling thread's connection for the key and
// reused (one round trip per execution on PostgreSQL). The pointer stays valid
// until drop() or the end of the thread. Call finish() after reading its rows.
Result<QSqlQuery *> prepared(const ConnectionParams &params, const Key &key, const QString &sql);
Result<QSqlQuery *> prepared(const ConnectionParams &params, const QString &purpose,
                             const QString &sql);

// The same through the SQLite C API (SqliteStatement), for SQLite's hot paths;
// finalized before its connection closes.
Result<SqliteStatement *> sqlitePrepared(const ConnectionParams &params, const Key &key,
                                         const QString &sql);

// Ties the connections of one set of parameters (every purpose, every thread)
// to the life of the objects that use them. A lease manager names its sessions
// after its owner id, so each manager has connections of its own on every
// thread it runs on; without this, a program that makes a manager per job on a
// thread pool would keep one server session per manager and thread until the
// thread ends. While at least one Owner of the parameters lives, their
// connections stay; once the last one is gone, each thread closes them at its
// next get()/prepared() (on that thread, as Qt requires), and the server
// sessions end. Connections opened for parameters no Owner ever held are kept
// for the thread's life, as before.
class Owner {
public:
    explicit Owner(const ConnectionParams &params);
    ~Owner();
    Owner(const Owner &) = delete;
    Owner &operator=(const Owner &) = delete;

private:
    QString m_identity;
};

// Forgets the calling thread's connection so the next get() reconnects.
void drop(const ConnectionParams &params, const QString &purpose);
void drop(const Key &key);

// How many connections the calling thread holds (for tests).
int countOnThisThread();

} // namespace ThreadConnections

} // namespace lockscope
