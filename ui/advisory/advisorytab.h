#pragma once

#include "connection/session.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QThreadPool;
class QTreeWidget;

namespace lockscope::ui {

class AdvisoryFilterProxy;
class AdvisoryTableModel;
class EmptyState;
class InspectorRefresher;

// The Advisory tab: every advisory lock held or awaited (waiters highlighted), a
// tree of who blocks whom (root blockers first), and cancel/terminate for the
// selected session on a worker thread.
class AdvisoryTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdvisoryTab)

public:
    AdvisoryTab(AdvisoryTableModel *model, InspectorRefresher *refresher, QThreadPool *pool,
                QWidget *parent = nullptr);
    ~AdvisoryTab() override;

    void setSession(const std::optional<Session> &session);
    QTableView *view() const { return m_view; }
    QTreeWidget *tree() const { return m_tree; }
    QSortFilterProxyModel *proxy() const;
    // Narrows the table (not the tree, which keeps every blocker in view).
    QLineEdit *filterEdit() const { return m_filter; }
    QLabel *notice() const { return m_notice; }
    // Advisory keys are per database and only block within one: this narrows the
    // table and the tree to the connected database (off: the whole server).
    QCheckBox *thisDatabaseOnly() const { return m_thisDatabase; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *terminateButton() const { return m_terminate; }
    EmptyState *emptyState() const { return m_empty; }
    bool showsEmptyState() const;

    void signalSelected(bool terminate);
    // The row's right-click menu: copy key / PID / application / row as JSON,
    // cancel query, terminate backend (the same actions as the buttons).
    QMenu *contextMenu(const QModelIndex &proxyIndex);
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *terminateAction() const { return m_terminateAction; }

Q_SIGNALS:
    void actionFinished(const QString &summary);
    // The empty state's buttons: the window connects these.
    void connectRequested();
    void advisoryLoadRequested();

private:
    void refreshed();
    void rebuildTree();
    void updateActions();
    void applyDatabaseFilter();
    void updateEmptyState();
    int selectedPid(QString *application) const;

    AdvisoryTableModel *m_model;
    InspectorRefresher *m_refresher;
    QThreadPool *m_pool;
    AdvisoryFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_notice;
    QCheckBox *m_thisDatabase;
    QTableView *m_view;
    QTreeWidget *m_tree;
    QPushButton *m_cancel;
    QPushButton *m_terminate;
    QAction *m_cancelAction;
    QAction *m_terminateAction;
    EmptyState *m_empty;
    QStackedWidget *m_stack;
    std::optional<Session> m_session;
    bool m_busy = false;
    bool m_loaded = false;
    int m_emptyKind = -1;
};

} // namespace lockscope::ui
