#pragma once

#include "connection/session.h"
#include "server/serverlock.h"

#include <QWidget>

#include <optional>

class QLabel;
class QMenu;
class QModelIndex;
class QPushButton;
class QTreeView;
class QThreadPool;
class QTreeWidget;

namespace lockscope::ui {

class BlockingTreeWidget;
class LocksRefresher;
class LocksTreeModel;

// The Locks tab: every lock on the PostgreSQL server grouped by session
// (sessions expand to their locks), and the blocking tree of every lock type
// (root blockers first, idle-in-transaction blockers highlighted). Refreshes on
// a worker thread while the tab is shown.
class LocksTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocksTab)

public:
    explicit LocksTab(QWidget *parent = nullptr);
    ~LocksTab() override;

    void setSession(const std::optional<Session> &session);
    LocksTreeModel *model() const { return m_model; }
    LocksRefresher *refresher() const { return m_refresher; }
    QTreeView *view() const { return m_view; }
    QTreeWidget *blockingTree() const;
    QLabel *summary() const { return m_summary; }
    QLabel *notice() const { return m_notice; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *terminateButton() const { return m_terminate; }

    // Cancels the statements of (or terminates) every selected session after one
    // confirmation naming them all; each signal is audited. On a worker thread.
    void signalSelected(bool terminate);
    // The sessions of the selected rows (a lock row stands for its session).
    QList<ServerSession> selectedSessions() const;
    // The right-click menu of a row (copy PID, application, query, what is
    // locked, the row as JSON; cancel or terminate the selected sessions).
    QMenu *contextMenu(const QModelIndex &index);

Q_SIGNALS:
    void actionFinished(const QString &summary);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refreshed();
    void rebuildTree();
    void showSession(int pid);
    void updateActions();

    LocksTreeModel *m_model;
    LocksRefresher *m_refresher;
    QLabel *m_notice;
    QLabel *m_summary;
    QPushButton *m_refresh;
    QPushButton *m_cancel;
    QPushButton *m_terminate;
    QTreeView *m_view;
    BlockingTreeWidget *m_tree;
    std::optional<Session> m_session;
    QThreadPool *m_actions;
    bool m_busy = false;
};

} // namespace lockscope::ui
