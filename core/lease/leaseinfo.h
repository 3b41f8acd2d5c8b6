#pragma once

#include "lease/lockkind.h"

#include <QString>

#include <chrono>
#include <optional>

namespace lockscope {

// What the database said about one acquisition (epoch seconds, database clock).
struct LeaseInfo {
    QString key;
    QString token;
    double acquiredAt = 0;
    double expiresAt = 0;
    bool tookOver = false; // PostgreSQL only: the row existed and had expired
    // Strictly greater than every fence issued for this key before (migration
    // 0004); empty on a database without fencing.
    std::optional<qint64> fence;
    // This process's steady clock just before the statement that set
    // expiresAt (the acquire, or the last renewal) was sent. The database
    // computed expiresAt at some moment after it, so sentAt + TTL is a bound
    // the holder can trust whatever the network did: the lease is still ours
    // until then at least, and perhaps not a moment longer.
    std::chrono::steady_clock::time_point sentAt{};
    // What was acquired: a plain lease (aggregate_locks), a semaphore permit
    // (its slot among `permits`), or a reader's or the writer's share of a
    // reader-writer lease.
    LockKind kind = LockKind::Lease;
    int slot = -1;
    int permits = 0;
};

// Tokens are "<owner id>/<random>": the owner is readable from the token alone,
// so a table with only the four shared columns still shows who holds what.
namespace OwnerToken {
QString make(const QString &ownerId);
// The owner part of a token LockScope wrote; empty for tokens of other programs.
QString ownerOf(const QString &token);
} // namespace OwnerToken

} // namespace lockscope
