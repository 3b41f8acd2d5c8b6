#pragma once

#include <QTreeView>

namespace lockscope::ui {

// The Locks tab's tree of sessions and their locks. A refresh changes the rows
// of every waiting session, most of them collapsed: QTreeView looks each changed
// range up in its list of shown rows, a linear search that never finds rows
// under a collapsed session (200 waiters behind a session with 2,000 locks
// expanded: half the GUI thread's time to apply a refresh, perf). Rows under a
// collapsed session are not on screen, so their changes are skipped here; they
// are read from the model when the session is expanded.
class LocksTreeView : public QTreeView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocksTreeView)

public:
    explicit LocksTreeView(QWidget *parent = nullptr);

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
};

} // namespace lockscope::ui
