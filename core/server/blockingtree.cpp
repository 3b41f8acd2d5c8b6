#include "server/blockingtree.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace lockscope {

namespace {

struct Graph {
    QHash<int, QList<int>> waitersOf; // blocker -> the sessions it blocks
    QHash<int, QList<int>> blockersOf;
    QHash<int, int> level; // longest chain of blockers above a session
};

// The longest chain of blockers above `pid`; an edge back into the chain being
// walked (a cycle) is not followed.
int levelOf(Graph &g, int pid, QSet<int> &walking) {
    const auto known = g.level.constFind(pid);
    if (known != g.level.cend())
        return *known;
    walking.insert(pid);
    int level = 0;
    for (int blocker : g.blockersOf.value(pid)) {
        if (!walking.contains(blocker))
            level = std::max(level, levelOf(g, blocker, walking) + 1);
    }
    walking.remove(pid);
    g.level.insert(pid, level);
    return level;
}

int reachable(const Graph &g, int pid, bool *cyclic) {
    QSet<int> seen{pid};
    QList<int> todo{pid};
    while (!todo.isEmpty()) {
        const int next = todo.takeLast();
        for (int w : g.waitersOf.value(next)) {
            if (w == pid)
                *cyclic = true;
            if (!seen.contains(w)) {
                seen.insert(w);
                todo << w;
            }
        }
    }
    return static_cast<int>(seen.size()) - 1;
}

BlockerNode buildNode(const Graph &g, const QHash<int, int> &parentOf, int pid, int depth,
                      QSet<int> &placed) {
    BlockerNode node;
    node.pid = pid;
    node.depth = depth;
    node.blockedTotal = reachable(g, pid, &node.inCycle);
    placed.insert(pid);
    QList<int> waiters = g.waitersOf.value(pid);
    std::sort(waiters.begin(), waiters.end());
    for (int w : std::as_const(waiters)) {
        if (!placed.contains(w) && parentOf.value(w, -1) == pid)
            node.blocks.append(buildNode(g, parentOf, w, depth + 1, placed));
    }
    return node;
}

} // namespace

QList<BlockerNode> BlockingTree::build(const ServerLockSnapshot &snapshot) {
    Graph g;
    QList<int> pids;
    for (const ServerSession &s : snapshot.sessions) {
        for (int blocker : s.blockedBy) {
            if (!g.blockersOf[s.pid].contains(blocker)) {
                g.blockersOf[s.pid] << blocker;
                g.waitersOf[blocker] << s.pid;
            }
        }
    }
    for (auto it = g.waitersOf.cbegin(); it != g.waitersOf.cend(); ++it)
        pids << it.key();
    for (auto it = g.blockersOf.cbegin(); it != g.blockersOf.cend(); ++it) {
        if (!g.waitersOf.contains(it.key()))
            pids << it.key();
    }
    std::sort(pids.begin(), pids.end());
    QSet<int> walking;
    for (int pid : std::as_const(pids))
        levelOf(g, pid, walking);
    // Each waiter under its deepest blocker (the lowest pid among equals).
    QHash<int, int> parentOf;
    for (auto it = g.blockersOf.cbegin(); it != g.blockersOf.cend(); ++it) {
        int best = -1;
        for (int blocker : it.value()) {
            if (g.level.value(blocker) >= g.level.value(it.key()))
                continue; // an edge of a cycle
            if (best < 0 || g.level.value(blocker) > g.level.value(best) ||
                (g.level.value(blocker) == g.level.value(best) && blocker < best))
                best = blocker;
        }
        if (best >= 0)
            parentOf.insert(it.key(), best);
    }
    QSet<int> placed;
    QList<BlockerNode> roots;
    for (int pid : std::as_const(pids)) {
        if (!g.blockersOf.contains(pid))
            roots.append(buildNode(g, parentOf, pid, 0, placed));
    }
    // Cycles: nobody above them. The lowest pid left is the root.
    for (int pid : std::as_const(pids)) {
        if (placed.contains(pid))
            continue;
        QHash<int, int> cycleParents = parentOf;
        cycleParents.remove(pid);
        // Everything unplaced that this root reaches hangs below it.
        QList<int> todo{pid};
        QSet<int> seen{pid};
        while (!todo.isEmpty()) {
            const int next = todo.takeFirst();
            for (int w : g.waitersOf.value(next)) {
                if (!seen.contains(w) && !placed.contains(w)) {
                    seen.insert(w);
                    cycleParents.insert(w, next);
                    todo << w;
                }
            }
        }
        roots.append(buildNode(g, cycleParents, pid, 0, placed));
    }
    std::stable_sort(roots.begin(), roots.end(), [](const BlockerNode &a, const BlockerNode &b) {
        return a.blockedTotal != b.blockedTotal ? a.blockedTotal > b.blockedTotal : a.pid < b.pid;
    });
    return roots;
}

int BlockingTree::sessionCount(const QList<BlockerNode> &roots) {
    int n = 0;
    for (const BlockerNode &node : roots)
        n += 1 + sessionCount(node.blocks);
    return n;
}

} // namespace lockscope
