#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace lockscope {

// One row of pg_locks, resolved for a person. Times are seconds by the database
// clock. Text from the server (names, queries) is exact: show it through
// VisibleText.
struct ServerLock {
    int pid = 0;       // the session it belongs to: a parallel worker's lock is its leader's
    int workerPid = 0; // the parallel worker that holds or awaits it, else 0
    QString locktype;  // relation, tuple, transactionid, virtualxid, object, advisory, …
    QString mode;      // AccessShareLock … AccessExclusiveLock
    bool granted = false;
    bool fastpath = false;
    QString database; // empty for shared objects and for transaction ids
    // relation, tuple, page, extend: the schema-qualified name (quoted where the
    // name needs it) and its kind ("table", "index", "partition", …). A relation
    // of another database than the inspector's is "relation OID" with no kind.
    QString relation;
    QString relationKind;
    std::optional<qint64> page;
    std::optional<int> tuple;
    QString transactionId; // transactionid, spectoken: the xid
    QString virtualXid;    // virtualxid: the virtual transaction id awaited or held
    int ownerPid = 0;      // transactionid, virtualxid: the session whose transaction it is
    QString object;        // object: pg_describe_object's text (empty when it is gone)
    // advisory: the key as the advisory inspector decodes it.
    bool isAdvisory = false;
    bool keyIsPair = false;
    qint64 key = 0;
    qint32 keyFirst = 0;
    qint32 keySecond = 0;
    // Waiters: how long, and whether from pg_locks.waitstart (PostgreSQL 14+) or,
    // as a fallback, from the start of the waiting statement.
    double waitSeconds = 0;
    bool waitEstimated = false;
    QList<int> blockedBy; // waiters: the sessions in the way (leaders, 0 = prepared transaction)

    // What is locked, in one line: "app.orders (table)", "app.orders (0,3)",
    // "transaction 741 of pid 5120", "advisory 42", "function f(integer)".
    QString target() const;
    // The advisory key as `lockctl advisory` shows it: "42" or "(1, 2)"; else empty.
    QString keyDisplay() const;
    bool operator==(const ServerLock &) const = default;
};

// A session that holds or awaits a lock (or blocks someone), from pg_stat_activity.
struct ServerSession {
    int pid = 0;
    QList<int> workers; // parallel workers folded into it
    bool known = true;  // false: in pg_locks, gone from pg_stat_activity (or pid 0: prepared)
    QString database;
    QString user;
    QString application;
    QString clientAddress; // empty for a local socket
    QString backendType;
    QString state;              // active, idle in transaction, …
    double transactionAge = -1; // -1 outside a transaction
    double stateAge = -1;       // since the last state change
    double statementAge = -1;   // since the last statement started
    QString waitEventType;
    QString waitEvent;
    QString query; // the last statement
    QList<int> blockedBy;
    int lockCount = 0;
    int waitingCount = 0;
    double longestWait = 0;

    bool idleInTransaction() const {
        return state.startsWith(QLatin1String("idle in transaction"));
    }
    bool operator==(const ServerSession &) const = default;
};

struct ServerLockSnapshot {
    double dbNow = 0;
    int serverVersion = 0;         // server_version_num
    bool hasWaitStart = false;     // PostgreSQL 14+: wait times are true waits
    QString inspectorDatabase;     // relations of other databases are shown by OID
    QList<ServerLock> locks;       // by session, waiters of a session after its held locks
    QList<ServerSession> sessions; // by pid

    const ServerSession *session(int pid) const;
};

} // namespace lockscope

Q_DECLARE_METATYPE(lockscope::ServerLockSnapshot)
