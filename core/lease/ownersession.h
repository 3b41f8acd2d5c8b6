#pragma once

#include <QString>

#include <optional>

namespace lockscope {

// A PostgreSQL session that belongs to a lease's owner, as pg_stat_activity
// shows it. Fields the reading role may not see (another role's session
// without pg_read_all_stats) are empty.
struct OwnerSession {
    qint64 pid = 0;
    QString application;
    QString state;      // active, idle, idle in transaction, …; empty: not visible
    QString clientAddr; // "local" for a Unix socket; empty: not visible
    QString user;
    double backendStart = 0; // epoch seconds; 0: not visible

    bool operator==(const OwnerSession &other) const = default;
};

// Whether a lease's owner is still connected: nullopt when it cannot be told
// (SQLite and Redis have no sessions; a token of another program that no rule
// matches), else true with one of its sessions, or false.
struct OwnerStatus {
    std::optional<bool> connected;
    std::optional<OwnerSession> session;

    bool operator==(const OwnerStatus &other) const = default;
};

// The application_name a LeaseManager's sessions carry, so the inspector can
// tell whether a lease's owner is still there: "<program>/<owner id>", the
// owner id exactly as it stands in the owner's tokens ('/' made '_'), with
// every character PostgreSQL would not keep (anything but printable ASCII)
// made '?', within the 63 bytes PostgreSQL keeps. An owner id longer than
// kMaxOwnerBytes keeps its start and ends in '~' and 8 hex digits of a hash of
// the whole id (compact), so two long ids that share a start never match each
// other's sessions; the program's name is cut to what is left.
namespace OwnerSessionName {
inline constexpr int kMaxBytes = 63;      // NAMEDATALEN - 1
inline constexpr int kMaxOwnerBytes = 48; // leaves the program 14 bytes at least
QString forOwner(const QString &program, const QString &ownerId);
// The owner id part of an application_name written by forOwner (after the
// last '/'), or empty.
QString ownerPart(const QString &applicationName);
// The owner id as forOwner writes it (no '/', printable ASCII only).
QString clean(const QString &ownerId);
// clean(ownerId) as it stands in the name: itself up to kMaxOwnerBytes, else
// its start, '~' and a hash of all of it.
QString compact(const QString &ownerId);
} // namespace OwnerSessionName

} // namespace lockscope
