#pragma once

#include "server/serverlock.h"

#include <QList>

namespace lockscope {

// A session that blocks others, or waits, with the sessions waiting behind it.
struct BlockerNode {
    int pid = 0;
    int depth = 0;        // 0 for a root blocker
    int blockedTotal = 0; // every session behind it, directly or not (each once)
    bool inCycle = false; // waits, through others, on itself (a deadlock the server will break)
    QList<BlockerNode> blocks;
};

// Who blocks whom, from the sessions' pg_blocking_pids, for every lock type.
namespace BlockingTree {

// Root blockers first (sessions that block others and wait for nobody), the most
// sessions behind them first. A waiter blocked by several sessions is placed
// once, under the blocker deepest in the tree (so a chain A <- B <- C reads as
// one chain even when C waits behind both); blockedTotal counts through every
// edge. A cycle with no root above it gets its lowest pid as root.
QList<BlockerNode> build(const ServerLockSnapshot &snapshot);

// How many sessions a forest holds.
int sessionCount(const QList<BlockerNode> &roots);

} // namespace BlockingTree

} // namespace lockscope
