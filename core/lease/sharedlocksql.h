#pragma once

#include "db/connectionparams.h"

#include <QString>
#include <QStringList>

namespace lockscope {

// The statements of semaphores and reader-writer leases (migration 0008), per
// dialect. Every time comes from the database clock. Bindings are positional.
namespace SharedLockSql {

// The owner token of the row that a key's kind keeps in aggregate_locks
// (migration 0009): "lockscope:semaphore" or "lockscope:rw", and its expiry
// (9999-12-31, finite: never swept, never taken over).
QString markerToken(const QString &kind);
constexpr double kMarkerExpiry = 253402300799.0;
// PostgreSQL, one statement: (key, kind, permits) -> claims the key in
// aggregate_locks with the kind's marker (a new row, an expired lease's row, or
// the kind's own marker) and, only if it did, records the kind unless the key
// has one. The unique key of aggregate_locks orders it against a plain acquire.
QString registerKindPostgres();
// SQLite, inside BEGIN IMMEDIATE: (key, token) -> one row when the marker was
// claimed; then recordKindSqlite (key, kind, permits).
QString claimMarkerSqlite();
QString recordKindSqlite();
// THE CONTROL (LeaseConfig::kindsWithoutClaim), before migration 0009's fix:
// (key, kind, permits, key) -> records the kind unless a live lease holds the
// key, as seen by this statement's snapshot.
QString registerKindUnclaimed(Driver driver);
// (key) -> one row (kind, permits) when the key has a kind.
QString kindOf();
// (key) -> one row (kind or NULL, permits, owner_token of the key's
// aggregate_locks row or NULL, whether that row is live).
QString kindState(Driver driver);
// PostgreSQL: () -> one row: how many kinds were idle and went, each with its
// marker and rows (lockscope_drop_idle_kind, migration 0009, re-checks each).
QString dropIdleKindsPostgres();
// () -> one row: how many kinds have no live holder or waiter (what the sweep removes).
QString countIdleKinds(Driver driver);
// SQLite, inside BEGIN IMMEDIATE, each (now, now): the markers, rows and kinds of
// idle keys, in that order; the last answers how many kinds went.
QStringList dropIdleKindsSqlite();
// SQLite, inside the acquire's transaction: (key, kind, permits) -> one row
// when the key still is that kind.
QString isKind();

// PostgreSQL, one statement: (key, token, ttl, permits) -> one row
// (candidates, slot, acquired_at, expires_at, fence, kind_ok); slot NULL when no
// slot was taken. candidates > 0 with no slot: a free slot was taken by another
// process at the same moment -- try again at once. kind_ok = 0: the key is no
// longer a semaphore with these permits (its kind went idle and was dropped).
QString acquireSlotPostgres();
// PostgreSQL, migration 0010: the same answer from lockscope_semaphore_acquire,
// which, when the one statement finds no free slot, waits for the releases of
// the key's slots still in flight and looks once more -- so a waiter that
// registered for release notifications before it tried is never left asleep
// by a release that came after its attempt. (key, token, ttl, permits).
QString acquireSlotFunctionPostgres();
// PostgreSQL: () -> one row: whether lockscope_semaphore_acquire resolves.
QString hasSlotFunctionPostgres();
// SQLite, inside BEGIN IMMEDIATE: (permits, key, now, token, token) -> the
// free, expired or own slot to take, if any.
QString freeSlotSqlite();
// SQLite: (key, slot, token, acquired_at, expires_at, fence) -> stores the holder.
QString storeSlotSqlite();

// The control, never for real use: admit when fewer than N live rows are counted,
// in a statement of its own before the insert. (key) -> one row: live holders.
QString countLiveSlots(Driver driver);
// (key, slot, token, ttl) -> inserts a holder at `slot` (the control's own numbering).
QString insertCountedSlot(Driver driver);

// PostgreSQL: (key, token, write, ttl, wait_life) -> one row
// (acquired, acquired_at, expires_at, fence), lockscope_rw_acquire.
QString acquireRwPostgres();

// PostgreSQL: one of the acquire statements above (its first placeholder the
// key) with one more value bound first, a lock_timeout such as '800ms' for
// this statement's transaction alone: the function then waits no longer than
// that for a row another transaction holds locked (55P03). Set in the key's
// argument, since a function's arguments are all evaluated before it runs.
QString withRowWait(const QString &acquireSql);

// (key, token) -> PostgreSQL: one row, what was released ('slot', 'read',
// 'write', 'read-wait', 'write-wait' or NULL), notifying a registered waiter.
QString releasePostgres();
// SQLite: (key, token) -> rows affected.
QString releaseSlotSqlite();
// SQLite: (key, token) -> the mode of the deleted row, if any.
QString releaseRwSqlite();

// (ttl, key, token) -> one row (expires_at) while still held and unexpired.
QString renewSlot(Driver driver);
QString renewRw(Driver driver);

// () -> rows (lock_key, kind, permits, holder_kind, slot, owner_token,
// acquired_at, expires_at, fence, db_now); holder_kind is 'slot', 'read',
// 'write', 'read-wait', 'write-wait' or NULL for a key without holders.
QString listAll(Driver driver);

} // namespace SharedLockSql

} // namespace lockscope
