#include "monitor/samplebuilder.h"

#include "monitor/alertrules.h"
#include "server/blockingtree.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace lockscope::ui {

namespace {

// As many waits per blocker as the rules' largest threshold needs: the rule
// "blocks at least N sessions for T" reads the N-th longest wait, so a cap below
// what the dialog offers would keep a blocker of more sessions from ever firing.
constexpr int kMaxWaits = AlertRules::kMaxBlockerSessions;
constexpr int kMaxExpired = 1000;
constexpr int kMaxGoneOwners = 200;
constexpr int kMaxNoExpiry = 1000;

QList<BlockerStat> rootBlockers(const QList<WaitingSession> &waits) {
    // BlockingTree builds the forest (roots, totals, cycles) from sessions' edges.
    ServerLockSnapshot snapshot;
    QHash<int, QList<int>> waitersOf;
    QHash<int, double> waitOf;
    for (const WaitingSession &w : waits) {
        ServerSession s;
        s.pid = w.pid;
        s.blockedBy = w.blockedBy;
        snapshot.sessions.append(s);
        waitOf.insert(w.pid, w.waitSeconds);
        for (int b : w.blockedBy)
            waitersOf[b].append(w.pid);
    }
    QList<BlockerStat> out;
    for (const BlockerNode &root : BlockingTree::build(snapshot)) {
        if (root.blockedTotal == 0)
            continue;
        BlockerStat stat;
        stat.pid = root.pid;
        stat.blockedTotal = root.blockedTotal;
        QSet<int> seen{root.pid};
        QList<int> todo{root.pid};
        while (!todo.isEmpty()) {
            for (int w : waitersOf.value(todo.takeLast())) {
                if (seen.contains(w))
                    continue;
                seen.insert(w);
                todo << w;
                stat.waits << waitOf.value(w);
            }
        }
        std::sort(stat.waits.begin(), stat.waits.end(), std::greater<>());
        if (stat.waits.size() > kMaxWaits)
            stat.waits.resize(kMaxWaits);
        out.append(stat);
    }
    return out;
}

} // namespace

MonitorSample SampleBuilder::build(double localNow, const QList<LeaseRow> &leases, double dbNow,
                                   const std::optional<QList<AdvisoryLockRow>> &advisory,
                                   const std::optional<QList<WaitingSession>> &waits) {
    MonitorSample s;
    s.time = localNow;
    QHash<QString, int> gone; // owner -> live leases
    for (const LeaseRow &row : leases) {
        if (row.isHeldAt(dbNow)) {
            ++s.heldLeases;
            // Gone only when known to be gone; unknown (nullopt) never counts.
            if (row.ownerStatus.connected == false)
                ++gone[row.owner.isEmpty() ? row.token : row.owner];
        } else if (row.isRedisNoExpiry()) {
            s.noExpiryKeys << row.key;
        } else if (row.isExpiredAt(dbNow)) {
            ++s.expiredLeases;
            s.expiredAges << dbNow - row.expiresAt;
        }
    }
    std::sort(s.expiredAges.begin(), s.expiredAges.end(), std::greater<>());
    if (s.expiredAges.size() > kMaxExpired)
        s.expiredAges.resize(kMaxExpired);
    for (auto it = gone.cbegin(); it != gone.cend(); ++it)
        s.goneOwners.append({it.key(), it.value()});
    std::sort(s.goneOwners.begin(), s.goneOwners.end(),
              [](const GoneOwnerStat &a, const GoneOwnerStat &b) { return a.owner < b.owner; });
    if (s.goneOwners.size() > kMaxGoneOwners)
        s.goneOwners.resize(kMaxGoneOwners);
    s.noExpiryKeys.sort();
    if (s.noExpiryKeys.size() > kMaxNoExpiry)
        s.noExpiryKeys.resize(kMaxNoExpiry);
    if (advisory) {
        s.advisoryHeld = 0;
        s.advisoryWaiting = 0;
        for (const AdvisoryLockRow &row : *advisory)
            ++(row.granted ? s.advisoryHeld : s.advisoryWaiting);
    }
    if (waits) {
        s.waiting = static_cast<int>(waits->size());
        s.longestWait = 0;
        for (const WaitingSession &w : *waits)
            s.longestWait = std::max(s.longestWait, w.waitSeconds);
        s.rootBlockers = rootBlockers(*waits);
        QSet<int> blocking;
        for (const WaitingSession &w : *waits) {
            for (int b : w.blockedBy)
                blocking.insert(b);
        }
        s.blockers = static_cast<int>(blocking.size());
    }
    return s;
}

} // namespace lockscope::ui
