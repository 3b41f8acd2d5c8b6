#include "locks/lockstreemodel.h"

#include "base/duration.h"
#include "base/visibletext.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace lockscope::ui {

namespace {

// internalId: 0 for a session row; pid + 1 for a lock row (its session's pid,
// which stays put while rows move).
constexpr quintptr kSessionRow = 0;

QString pidList(const QList<int> &pids) {
    QStringList parts;
    for (int pid : pids)
        parts << QString::number(pid);
    return parts.join(QStringLiteral(", "));
}

QString age(double seconds) {
    if (seconds < 0)
        return QString();
    return Duration::formatRemaining(seconds);
}

const QColor kWaiting(0xff, 0xf1, 0xd6);
const QColor kIdleInTransaction(0xfd, 0xde, 0xde);

} // namespace

LocksTreeModel::LocksTreeModel(QObject *parent)
    : QAbstractItemModel(parent) {}

LocksTreeModel::~LocksTreeModel() = default;

QModelIndex LocksTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_sessions.size() ? createIndex(row, column, kSessionRow) : QModelIndex();
    if (parent.internalId() != kSessionRow || parent.row() >= m_sessions.size())
        return {};
    const LockSessionEntry &entry = m_sessions.at(parent.row());
    if (row >= entry.locks.size())
        return {};
    return createIndex(row, column, static_cast<quintptr>(entry.session.pid) + 1);
}

QModelIndex LocksTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == kSessionRow)
        return {};
    const auto row = m_rowOfPid.constFind(static_cast<int>(child.internalId() - 1));
    return row == m_rowOfPid.cend() ? QModelIndex() : createIndex(*row, 0, kSessionRow);
}

int LocksTreeModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return static_cast<int>(m_sessions.size());
    if (parent.internalId() != kSessionRow || parent.column() != 0 ||
        parent.row() >= m_sessions.size())
        return 0;
    return static_cast<int>(m_sessions.at(parent.row()).locks.size());
}

int LocksTreeModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QModelIndex LocksTreeModel::indexOfPid(int pid) const {
    const auto row = m_rowOfPid.constFind(pid);
    return row == m_rowOfPid.cend() ? QModelIndex() : index(*row, 0);
}

QVariant LocksTreeModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kSessionRow)
        return sessionData(m_sessions.at(index.row()), index.column(), role);
    const QModelIndex session = parent(index);
    if (!session.isValid())
        return {};
    return lockData(m_sessions.at(session.row()).locks.at(index.row()), index.column(), role);
}

QVariant LocksTreeModel::sessionData(const LockSessionEntry &entry, int column, int role) const {
    const ServerSession &s = entry.session;
    const bool waiting = s.waitingCount > 0 || !s.blockedBy.isEmpty();
    if (role == PidRole)
        return s.pid;
    if (role == WaitingRole)
        return waiting;
    if (role == IdleInTransactionRole)
        return s.idleInTransaction();
    if (role == Qt::BackgroundRole) {
        if (s.idleInTransaction())
            return QBrush(kIdleInTransaction);
        return waiting ? QVariant(QBrush(kWaiting)) : QVariant();
    }
    if (role == Qt::FontRole && s.idleInTransaction() && column == State) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && column == Target)
        return s.query;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
    case Session:
        if (role == SortRole)
            return s.pid;
        if (s.pid == 0)
            return tr("prepared transactions");
        return s.workers.isEmpty()
                   ? tr("pid %1").arg(s.pid)
                   : tr("pid %1 (+%n parallel workers)", nullptr, int(s.workers.size())).arg(s.pid);
    case Mode:
        if (role == SortRole)
            return s.lockCount;
        return s.waitingCount > 0 ? tr("%n locks, ", nullptr, s.lockCount) +
                                        tr("%n waiting", nullptr, s.waitingCount)
                                  : tr("%n locks", nullptr, s.lockCount);
    case State:
        if (!s.known)
            return s.pid == 0 ? tr("prepared") : tr("gone");
        return VisibleText::forDisplay(s.state.isEmpty() ? s.backendType : s.state);
    case Wait:
        if (role == SortRole)
            return s.longestWait;
        return s.waitingCount > 0
                   ? QString(age(s.longestWait) + (m_waitStart ? QString() : tr(" *")))
                   : QString();
    case Target:
        return VisibleText::forDisplay(s.query.simplified());
    case BlockedBy:
        return pidList(s.blockedBy);
    case Application:
        return VisibleText::forDisplay(s.application);
    case User:
        return VisibleText::forDisplay(s.user);
    case Client:
        return s.clientAddress.isEmpty() && s.known ? tr("local") : s.clientAddress;
    case TransactionAge:
        if (role == SortRole)
            return s.transactionAge;
        return age(s.transactionAge);
    default:
        return {};
    }
}

QVariant LocksTreeModel::lockData(const LockItem &item, int column, int role) const {
    const ServerLock &l = item.lock;
    if (role == PidRole)
        return l.pid;
    if (role == WaitingRole)
        return !l.granted;
    if (role == Qt::BackgroundRole)
        return l.granted ? QVariant() : QVariant(QBrush(kWaiting));
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
    case Session:
        return l.workerPid ? tr("%1 (worker %2)").arg(l.locktype).arg(l.workerPid) : l.locktype;
    case Mode:
        return l.mode;
    case State:
        return l.granted ? tr("held") : tr("WAITING");
    case Wait:
        if (role == SortRole)
            return l.granted ? -1.0 : l.waitSeconds;
        if (!l.granted)
            return QString(age(l.waitSeconds) + (l.waitEstimated ? tr(" *") : QString()));
        // pg_locks has no grant time: what LockScope has seen, a lower bound.
        if (item.firstSeen < 0 || m_dbNow - item.firstSeen < 0.5)
            return QString();
        return tr("held ≥ %1").arg(age(m_dbNow - item.firstSeen));
    case Target:
        return VisibleText::forDisplay(l.target());
    case BlockedBy:
        return pidList(l.blockedBy);
    default:
        return {};
    }
}

QVariant LocksTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Session:
        return tr("Session / lock");
    case Mode:
        return tr("Mode");
    case State:
        return tr("State");
    case Wait:
        return tr("Waited / held");
    case Target:
        return tr("Locked / last query");
    case BlockedBy:
        return tr("Blocked by");
    case Application:
        return tr("Application");
    case User:
        return tr("User");
    case Client:
        return tr("Client");
    case TransactionAge:
        return tr("Transaction age");
    default:
        return {};
    }
}

void LocksTreeModel::reindex() {
    m_rowOfPid.clear();
    m_rowOfPid.reserve(m_sessions.size());
    for (int i = 0; i < m_sessions.size(); ++i)
        m_rowOfPid.insert(m_sessions.at(i).session.pid, i);
}

void LocksTreeModel::reset(const QList<LockSessionEntry> &sessions) {
    beginResetModel();
    m_dbNow = 0;
    m_sessions = sessions;
    reindex();
    endResetModel();
}

void LocksTreeModel::applyChildren(int row, const QList<LockItem> &locks, const RowDiffPlan &plan) {
    const QModelIndex parentIndex = index(row, 0);
    QList<LockItem> &mine = m_sessions[row].locks;
    for (auto it = plan.removals.crbegin(); it != plan.removals.crend(); ++it) {
        beginRemoveRows(parentIndex, it->first, it->last);
        mine.remove(it->first, it->last - it->first + 1);
        endRemoveRows();
    }
    for (const RowDiffPlan::Range &r : plan.insertions) {
        beginInsertRows(parentIndex, r.first, r.last);
        for (int i = r.first; i <= r.last; ++i)
            mine.insert(i, locks.at(i));
        endInsertRows();
    }
    // The rows now match in number and order: share the new list rather than
    // copy a hundred thousand rows one by one on the GUI thread.
    mine = locks;
    for (const RowDiffPlan::Range &r : plan.changes)
        Q_EMIT dataChanged(index(r.first, 0, parentIndex),
                           index(r.last, ColumnCount - 1, parentIndex));
}

void LocksTreeModel::apply(const LocksResult &result) {
    // "held ≥" ages with the clock without a signal per lock: a view repaints
    // what it shows (LocksTab updates its viewport after each refresh).
    m_dbNow = result.dbNow;
    const RowDiffPlan &plan = result.sessionPlan;
    for (auto it = plan.removals.crbegin(); it != plan.removals.crend(); ++it) {
        beginRemoveRows({}, it->first, it->last);
        m_sessions.remove(it->first, it->last - it->first + 1);
        reindex();
        endRemoveRows();
    }
    for (const RowDiffPlan::Range &r : plan.insertions) {
        beginInsertRows({}, r.first, r.last);
        for (int i = r.first; i <= r.last; ++i)
            m_sessions.insert(i, result.sessions.at(i));
        reindex();
        endInsertRows();
    }
    for (const RowDiffPlan::Range &r : plan.changes) {
        for (int i = r.first; i <= r.last; ++i) {
            const LockSessionEntry &now = result.sessions.at(i);
            const auto children = result.lockPlans.constFind(now.session.pid);
            if (children != result.lockPlans.cend())
                applyChildren(i, now.locks, *children);
            m_sessions[i].session = now.session;
        }
        Q_EMIT dataChanged(index(r.first, 0), index(r.last, ColumnCount - 1));
    }
    // Every session's locks now equal the result's: share the result's lists,
    // unchanged sessions too. Otherwise the result (its future, freed by Qt on
    // this thread after the event that delivered it) would hold the only
    // reference to a hundred thousand rows, and free them here: 250 ms of GUI
    // thread per refresh (perf, BENCHMARKS.md section 7). The lists this drops
    // are still held by the copy LocksRefresher frees on its worker.
    if (m_sessions.size() == result.sessions.size()) {
        for (qsizetype i = 0; i < m_sessions.size(); ++i) {
            if (m_sessions.at(i).session.pid == result.sessions.at(i).session.pid)
                m_sessions[i].locks = result.sessions.at(i).locks;
        }
    }
}

} // namespace lockscope::ui
