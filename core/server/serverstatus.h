#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace lockscope {

// One look at a server for the Servers view: can it be reached, and how busy
// are its locks. Counts a server cannot give (SQLite has no sessions; a
// database without the lease table has no leases to count) are empty.
struct ServerStatus {
    bool reachable = false;
    QString error;           // why it could not be reached, or what could not be read
    bool leaseTable = false; // aggregate_locks exists
    int held = 0;
    int expired = 0;
    std::optional<int> waiting;         // sessions waiting for a lock (PostgreSQL)
    std::optional<double> longestWaitS; // the longest of those waits
    bool waitEstimated = false;         // before PostgreSQL 14: since the statement began
    double probeMs = 0;                 // connect and queries, on the worker

    bool operator==(const ServerStatus &other) const = default;
};

} // namespace lockscope

Q_DECLARE_METATYPE(lockscope::ServerStatus)
