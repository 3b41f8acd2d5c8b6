#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace lockscope::ui {

// A root blocker (blocks others, waits for nobody) at one refresh.
struct BlockerStat {
    int pid = 0;
    int blockedTotal = 0; // sessions behind it, directly or not
    // The waits of those sessions, longest first (at most
    // AlertRules::kMaxBlockerSessions, the rules' largest threshold): the
    // blocker has blocked at least N sessions for waits[N-1] seconds.
    QList<double> waits;
    bool operator==(const BlockerStat &) const = default;
};

// Live leases of one owner that has no session on the server at one refresh.
struct GoneOwnerStat {
    QString owner; // the owner id of its tokens, else the token
    int leases = 0;
    bool operator==(const GoneOwnerStat &) const = default;
};

// What one refresh saw, for the history and the alerts. Plain values, built on
// the refresh's worker thread from the snapshot it already took.
struct MonitorSample {
    double time = 0;  // local clock, epoch seconds
    QString source;   // the connection profile (or the server's address)
    int waiting = -1; // sessions waiting on a lock (-1: not known, SQLite)
    int blockers = -1;
    double longestWait = 0; // seconds
    int heldLeases = 0;
    int expiredLeases = 0;
    int advisoryHeld = -1; // -1: not known (SQLite)
    int advisoryWaiting = -1;

    // For the alerts only (not stored): the root blockers, and how long each
    // expired lease has been expired (longest first, at most 1000).
    QList<BlockerStat> rootBlockers;
    QList<double> expiredAges;
    // The owners of live leases that have no session on the server (PostgreSQL,
    // owner_connected false; at most 200), and the Redis lock keys without TTL
    // (sorted, at most 1000).
    QList<GoneOwnerStat> goneOwners;
    QStringList noExpiryKeys;
};

} // namespace lockscope::ui

Q_DECLARE_METATYPE(lockscope::ui::MonitorSample)
