#pragma once

#include "locks/lockssnapshot.h"

#include <QAbstractItemModel>
#include <QHash>

namespace lockscope::ui {

// Every lock on the server grouped by session: one row per session (its
// state, lock count, longest wait, last query), expandable to its locks. A
// hundred thousand locks held by a few sessions are a few rows; a session's
// locks are only touched when it is expanded. Follows snapshots incrementally
// (sessions by pid, each session's locks by identity), so expansion, selection
// and scroll position survive a refresh.
class LocksTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocksTreeModel)

public:
    enum Column {
        Session,   // "pid 4711" / the lock type
        Mode,      // "12 locks, 1 waiting" / the mode
        State,     // the session's state / held, WAITING
        Wait,      // the longest wait / the wait, or "held ≥ 4 s"
        Target,    // the last query / what is locked
        BlockedBy, // pids
        Application,
        User,
        Client,
        TransactionAge,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, PidRole, WaitingRole, IdleInTransactionRole };

    explicit LocksTreeModel(QObject *parent = nullptr);
    ~LocksTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Applies a result computed against sessions() with incremental signals.
    void apply(const LocksResult &result);
    void reset(const QList<LockSessionEntry> &sessions);
    const QList<LockSessionEntry> &sessions() const { return m_sessions; }
    QModelIndex indexOfPid(int pid) const;
    // Waits are true waits (pg_locks.waitstart); false before PostgreSQL 14.
    void setWaitStartKnown(bool known) { m_waitStart = known; }
    // The database's clock at the latest snapshot ("held ≥" is measured to it).
    double databaseNow() const { return m_dbNow; }

private:
    QVariant sessionData(const LockSessionEntry &entry, int column, int role) const;
    QVariant lockData(const LockItem &item, int column, int role) const;
    void applyChildren(int row, const QList<LockItem> &locks, const RowDiffPlan &plan);
    void reindex();

    QList<LockSessionEntry> m_sessions;
    QHash<int, int> m_rowOfPid;
    bool m_waitStart = true;
    double m_dbNow = 0;
};

} // namespace lockscope::ui
