#pragma once

#include "db/connectionparams.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace lockscope {

// PostgreSQL: who holds a lease's row locked -- the session whose transaction
// wrote or locked it (SELECT ... FOR UPDATE, an UPDATE) and has not ended. Row
// locks are not in pg_locks; the row's xmax names the transaction, and the
// transaction's own lock in pg_locks names its session. For a message that
// tells a DBA which session to end.
namespace RowLocker {

struct Session {
    qint64 pid = 0;
    QString application;
    QString state;           // "idle in transaction", "active", …
    double transactionS = 0; // how long its transaction has been open
};

// The session holding the row of `key` in aggregate_locks locked, or nullopt
// (none, shared by several transactions, not PostgreSQL, or no answer within
// 2 s). Call it outside a transaction: it runs in one of its own.
std::optional<Session> of(const QSqlDatabase &db, const ConnectionParams &params,
                          const QString &key);

// "session 1234 (psql, idle in transaction, its transaction open for 12 min)"
QString describe(const Session &session);

// For an error about `key`'s row staying locked: "Its row is held locked by
// session 1234 (…): end that transaction (`lockctl terminate-backend 1234`) or
// wait for it.",
// or, when no single session can be named, where to look.
QString advice(const QSqlDatabase &db, const ConnectionParams &params, const QString &key);
// The first of those, for a session already found.
QString adviceFor(const Session &session);
// The second of those, for when there is no connection to ask on.
QString adviceWithoutSession();

} // namespace RowLocker

} // namespace lockscope
