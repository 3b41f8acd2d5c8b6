#pragma once

#include "db/connectionparams.h"

#include <QString>

namespace lockscope {

// The statements of semaphores and reader-writer leases (migration 0008), per
// dialect. Every time comes from the database clock. Bindings are positional.
namespace SharedLockSql {

// (key, kind, permits, key) -> records the key's kind unless it has one
// already, or a live lease holds the key in aggregate_locks.
QString registerKind(Driver driver);
// (key) -> one row (kind, permits) when the key has a kind.
QString kindOf();
// (key) -> one row when a live lease holds the key in aggregate_locks.
QString liveLease(Driver driver);

// PostgreSQL, one statement: (key, token, ttl, permits) -> one row
// (candidates, slot, acquired_at, expires_at, fence); slot NULL when no slot was
// taken. candidates > 0 with no slot: a free slot was taken by another process
// at the same moment -- try again at once.
QString acquireSlotPostgres();
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
