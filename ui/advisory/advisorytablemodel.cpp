#include "advisory/advisorytablemodel.h"

#include "common/statecolors.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace lockscope::ui {

namespace {

QString seconds(double s) {
    if (s < 0)
        return QString();
    return s < 60 ? QStringLiteral("%1 s").arg(s, 0, 'f', 1)
                  : QStringLiteral("%1 m %2 s").arg(int(s) / 60).arg(int(s) % 60);
}

QString pids(const QList<int> &list) {
    QStringList text;
    for (int pid : list)
        text << QString::number(pid);
    return text.join(QStringLiteral(", "));
}

} // namespace

AdvisoryTableModel::AdvisoryTableModel(QObject *parent)
    : SnapshotTableModel<AdvisoryLockRow>(parent) {}

AdvisoryTableModel::~AdvisoryTableModel() = default;

int AdvisoryTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int AdvisoryTableModel::waitingCount() const {
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                          [](const AdvisoryLockRow &r) { return !r.granted; }));
}

QVariant AdvisoryTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AdvisoryLockRow &row = m_rows.at(index.row());
    if (role == PidRole)
        return row.pid;
    if (role == Qt::BackgroundRole && !row.granted)
        return QBrush(StateColors::background(StateColors::Tone::Warning)); // waiters stand out
    if (role == Qt::FontRole && !row.granted && index.column() == Granted) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && index.column() == Query)
        return row.query;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (Column(index.column())) {
    case Pid:
        return row.pid;
    case Key:
        if (sort)
            return row.isPair ? QVariant(qint64(row.keyFirst) * (1LL << 32) + row.keySecond)
                              : QVariant(row.key);
        return row.isPair ? QStringLiteral("(%1, %2)").arg(row.keyFirst).arg(row.keySecond)
                          : QString::number(row.key);
    case Mode:
        return row.mode == QLatin1String("ShareLock") ? tr("shared") : tr("exclusive");
    case Granted:
        return row.granted ? tr("● held") : tr("○ WAITING");
    case Wait:
        return sort ? QVariant(row.waitSeconds)
                    : QVariant(row.granted ? QString() : seconds(row.waitSeconds));
    case BlockedBy:
        return pids(row.blockedBy);
    case Application:
        return row.application;
    case User:
        return row.user;
    case Client:
        return row.clientAddress.isEmpty() ? tr("local") : row.clientAddress;
    case Database:
        return row.database;
    case TransactionAge:
        return sort ? QVariant(row.transactionAge) : QVariant(seconds(row.transactionAge));
    case SessionState:
        return row.state;
    case Query:
        return sort ? QVariant(row.query) : QVariant(row.query.simplified().left(200));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AdvisoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return SnapshotTableModel<AdvisoryLockRow>::headerData(section, orientation, role);
    static const char *const names[] = {QT_TR_NOOP("PID"),
                                        QT_TR_NOOP("Key"),
                                        QT_TR_NOOP("Mode"),
                                        QT_TR_NOOP("State"),
                                        QT_TR_NOOP("Waited"),
                                        QT_TR_NOOP("Blocked by"),
                                        QT_TR_NOOP("Application"),
                                        QT_TR_NOOP("User"),
                                        QT_TR_NOOP("Client"),
                                        QT_TR_NOOP("Database"),
                                        QT_TR_NOOP("Transaction age"),
                                        QT_TR_NOOP("Session"),
                                        QT_TR_NOOP("Query")};
    static const char *const tips[] = {
        QT_TR_NOOP("The backend's process ID on the server (pg_stat_activity.pid)."),
        QT_TR_NOOP("The advisory lock's key: one bigint, or two ints shown as a pair."),
        QT_TR_NOOP("Exclusive or shared, as the session asked for it."),
        QT_TR_NOOP("Held (granted) or waiting for it; waiting rows are highlighted."),
        QT_TR_NOOP("How long a waiting session has waited: since its waiting statement "
                   "started (pg_stat_activity.query_start), by the database clock."),
        QT_TR_NOOP("The PIDs of the sessions this one waits behind (pg_blocking_pids)."),
        QT_TR_NOOP("The application_name the session connected with."),
        QT_TR_NOOP("The database role of the session."),
        QT_TR_NOOP("The client's address and port; empty for a local socket."),
        QT_TR_NOOP("The database the lock belongs to: advisory keys block only within one."),
        QT_TR_NOOP("How long the session's current transaction has been open."),
        QT_TR_NOOP("The session's state: active, idle, idle in transaction, …"),
        QT_TR_NOOP("The session's current or last statement.")};
    return tr(role == Qt::ToolTipRole ? tips[section] : names[section]);
}

} // namespace lockscope::ui
