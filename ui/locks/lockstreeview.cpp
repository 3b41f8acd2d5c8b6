#include "locks/lockstreeview.h"

namespace lockscope::ui {

LocksTreeView::LocksTreeView(QWidget *parent)
    : QTreeView(parent) {}

void LocksTreeView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                const QList<int> &roles) {
    const QModelIndex parent = topLeft.parent();
    if (parent.isValid() && !isExpanded(parent))
        return;
    QTreeView::dataChanged(topLeft, bottomRight, roles);
}

} // namespace lockscope::ui
