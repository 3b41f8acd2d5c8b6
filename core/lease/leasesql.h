#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QSqlDatabase>

#include <QString>

namespace lockscope {

// The statements of the lease protocol, per dialect. Every comparison and every
// timestamp uses the database clock. Bindings are positional, in the order given.
namespace LeaseSql {

// (key, token, ttl_seconds) -> one row (acquired_at, expires_at, updated[, fence]) when
// acquired, none when another live holder has it. Inserts when absent, takes over
// an expired lease, re-takes one's own token (so a retried statement is harmless).
// `unregister` (PostgreSQL, migration 0007): the same, and when acquired it also
// drops the waiter registration (key, token) made by registerWaiter.
// `guarded` (migration 0008): refuses a key recorded in lockscope_lock_kinds
// (a semaphore or a reader-writer lease): no row comes back, as when held.
QString acquire(Driver driver, bool fenced = false, bool unregister = false, bool guarded = false);
// (key, token) -> one row (last_fence): the next fence for the key, now the token's.
QString bumpFence();
// Whether the connection sees LockScope's fences (migration 0004): the server
// resolves lockscope_fences in the schemas the connection uses (Catalog). A
// failed look-up is an error, never "no fences".
Result<bool> hasFences(const QSqlDatabase &db, const ConnectionParams &params);
// What of LockScope's own tables a connection sees (resolved by the server in
// the schemas the connection uses): the fences (migration 0004) and the release
// waiters (0007, PostgreSQL). A failed look-up is an error, never "absent".
struct Schema {
    bool fences = false;
    bool waiters = false;
    bool kinds = false; // lockscope_lock_kinds (0008)
    // Whether an acquire must refuse keys of another kind (`acquire(…, guarded)`).
    // Migration 0008 comes after 0004 and 0007: a schema with key kinds has
    // fences and waiters too.
    bool guarded() const { return fences && kinds; }
};
Result<Schema> lookUpSchema(const QSqlDatabase &db, const ConnectionParams &params);
// (key, token) -> whether the lease was still ours and is gone now:
//  - PostgreSQL with `notifyWaitersOnly` (0007): one row, a boolean; it notifies
//    `lockscope_release` with the key only when a live waiter registered for it;
//  - PostgreSQL before 0007: a row comes back when it was ours, and it notifies
//    every time;
//  - SQLite: one row affected.
// PostgreSQL, not `durable`: the release's transaction commits asynchronously
// (LeaseConfig::durableRelease explains why that is safe).
QString release(Driver driver, bool notifyWaitersOnly = false, bool durable = true);
// (key, waiter, life_seconds): PostgreSQL (0007). The waiter (its owner token)
// is listening for `lockscope_release` and wants a notification when the key is
// released, for `life` seconds (register again to extend it).
QString registerWaiter();
// (key, waiter): the waiter stopped waiting.
QString unregisterWaiter();
// (ttl_seconds, key, token) -> one row (expires_at) when still ours and not expired.
QString renew(Driver driver);
// (key, token) -> rows affected; force release guarded by the token shown.
QString forceReleaseGuarded();
// (key) -> rows affected; unconditional force release.
QString forceReleaseAny();
// (batch) -> rows affected; deletes up to `batch` expired rows (never one whose
// expires_at is not a finite number).
QString sweepBatch(Driver driver);
// () -> one row: count of expired rows (as sweepBatch would delete them).
QString countExpired(Driver driver);
// -Infinity as a literal of the dialect (SQLite reads -9e999 as -Infinity).
QString minusInfinity(Driver driver);
// (key) -> one row when the lease exists: NULL when its expires_at is a finite
// number, else what it is ("NaN", "Infinity", "-Infinity", "NULL", or on SQLite
// a quoted value of another type).
QString invalidExpiry(Driver driver);
// () -> rows (lock_key, owner_token, acquired_at, expires_at, db_now[, fence]).
// `kinds` (migration 0008 or later): without the rows that claim a semaphore's
// or reader-writer key (migration 0009's markers; SharedLockQueries shows those keys).
// `markersByToken`: tell those rows by their token alone, for a role that may
// not read lockscope_lock_kinds (a marker token whose key lost its kind, which
// the kinds table would show, is hidden then too).
QString listAll(Driver driver, bool fenced = false, bool kinds = false,
                bool markersByToken = false);
// (key) -> rows (lock_key, owner_token, acquired_at, expires_at, db_now[, fence]).
QString listOne(Driver driver, bool fenced = false, bool kinds = false,
                bool markersByToken = false);
// () -> one row: db_now.
QString dbNow(Driver driver);

} // namespace LeaseSql

} // namespace lockscope
