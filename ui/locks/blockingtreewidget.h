#pragma once

#include "server/blockingtree.h"

#include <QList>
#include <QTreeWidget>

#include <functional>
#include <utility>

namespace lockscope::ui {

struct LockSessionEntry;

// The Locks tab's blocking tree: root blockers first, each with the sessions
// it blocks beneath it (idle-in-transaction blockers highlighted, what each
// waiter waits for). Shown again after every refresh: when the tree has the same
// shape as before (the same sessions in the same places) its items are updated
// in place, so the selection, the scroll position and what is collapsed stay,
// and the GUI thread only changes the texts that moved (a wait's length).
class BlockingTreeWidget final : public QTreeWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlockingTreeWidget)

public:
    enum Column { Session, WaitsFor, Blocks, State, Transaction, Application, Query };
    // The session a pid is (nullptr: not among the locks read).
    using SessionOf = std::function<const LockSessionEntry *(int pid)>;

    explicit BlockingTreeWidget(QWidget *parent = nullptr);

    void showTree(const QList<BlockerNode> &roots, const SessionOf &sessionOf);
    void forget();

private:
    struct Row;
    Row rowOf(const BlockerNode &node, const SessionOf &sessionOf) const;
    static void fill(QTreeWidgetItem *item, const Row &row);
    static void collectShape(const BlockerNode &node, int depth, QList<std::pair<int, int>> *shape);

    // Pid and depth of every row, in order: what "the same shape" compares.
    QList<std::pair<int, int>> m_shape;
};

} // namespace lockscope::ui
