#pragma once

#include "connection/session.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;
class QThreadPool;

namespace lockscope::ui {

class EmptyState;
class LeaseTableModel;
class SharedLocksPanel;

// The Leases tab: the live table with a filter, and the sweep and owner-guarded
// force-release actions, which run on worker threads.
class LeasesTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeasesTab)

public:
    LeasesTab(LeaseTableModel *model, QThreadPool *pool, QWidget *parent = nullptr);
    ~LeasesTab() override;

    void setSession(const std::optional<Session> &session);
    QTableView *view() const { return m_view; }
    // The view's model: sorted and filtered off the GUI thread (no proxy).
    LeaseTableModel *model() const { return m_model; }
    QAction *forceReleaseAction() const { return m_forceRelease; }
    QAction *sweepAction() const { return m_sweep; }
    void focusFilter();
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *stateCombo() const { return m_state; }
    EmptyState *emptyState() const { return m_empty; }
    // Whether the table or the empty state is on screen.
    bool showsEmptyState() const;
    // The first snapshot of the current connection has arrived.
    void setLoaded(bool loaded);
    // Repaints the countdown of the visible rows only.
    void tickCountdown();

    void sweepExpired();
    void forceReleaseSelected();
    // The row's right-click menu: copy key / token / owner / row as JSON, filter
    // by its owner, force release (the owner-guarded path), sweep. The caller owns it.
    QMenu *contextMenu(const QModelIndex &index);
    // Ctrl+C in the table: the selected rows as JSON.
    QAction *copyAction() const { return m_copy; }
    // Semaphores and reader-writer leases, below the table.
    SharedLocksPanel *sharedPanel() const { return m_sharedPanel; }
    // Redis: which keys are read (RedisScope); hidden on SQL stores.
    QLabel *scopeLabel() const { return m_scope; }

Q_SIGNALS:
    void actionFinished(const QString &summary); // a refresh is due
    // The empty state's buttons: the window connects these.
    void connectRequested();
    void demoRequested();

private:
    void updateActions();
    void updateEmptyState();

    LeaseTableModel *m_model;
    QThreadPool *m_pool;
    QTableView *m_view;
    EmptyState *m_empty;
    QStackedWidget *m_stack;
    QLineEdit *m_filter;
    QComboBox *m_state;
    QLabel *m_scope;
    QLabel *m_unreadable; // what the role may not read (the fences), and the GRANT
    QPushButton *m_sweepButton;
    QPushButton *m_releaseButton;
    QAction *m_sweep;
    QAction *m_forceRelease;
    QAction *m_copy;
    QTimer *m_countdown;
    SharedLocksPanel *m_sharedPanel;
    std::optional<Session> m_session;
    bool m_busy = false;
    bool m_loaded = false;
    int m_emptyKind = -1;   // which empty state is shown, so it is rebuilt only on a change
    int m_emptyHidden = -1; // the rows it says the filter hides
};

} // namespace lockscope::ui
