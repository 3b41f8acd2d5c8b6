#pragma once

#include "connection/session.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QThreadPool;
class QTreeView;

namespace lockscope::ui {

class SharedLockTreeModel;

// Below the lease table: semaphores and reader-writer leases, each key
// expandable to its holders and waiters, with the owner-guarded release of
// one holder (HolderRelease on a worker thread). Hidden while there are none,
// unless the role may not read their tables: then it says so, and which grant
// would show them. Emptied when the session changes (a new server's keys come
// with its first refresh); the selected key or holder (key + token) stays
// selected across refreshes that reset the model, and nothing is selected once
// it is gone.
class SharedLocksPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SharedLocksPanel)

public:
    SharedLocksPanel(QThreadPool *pool, QWidget *parent = nullptr);
    ~SharedLocksPanel() override;

    SharedLockTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QPushButton *releaseButton() const { return m_release; }
    QLabel *unavailableLabel() const { return m_unavailable; }
    void setSession(const std::optional<Session> &session);
    // Releases the selected holder if it still carries the token shown.
    void releaseSelected();

Q_SIGNALS:
    void actionFinished(const QString &summary);

private:
    void updateActions();
    void rememberSelection();
    void restoreSelection();

    SharedLockTreeModel *m_model;
    QThreadPool *m_pool;
    QLabel *m_title;
    QLabel *m_unavailable; // why no keys can be shown (the role's grants)
    QTreeView *m_view;
    QPushButton *m_release;
    std::optional<Session> m_session;
    bool m_busy = false;
    // What was selected before a reset: a key, or a holder (key + token).
    QString m_selectedKey;
    QString m_selectedToken;
    bool m_selectedHolder = false;
};

} // namespace lockscope::ui
