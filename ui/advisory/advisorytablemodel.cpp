#include "advisory/advisorytablemodel.h"

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
        return QBrush(QColor(0xff, 0xf1, 0xd6)); // waiters stand out
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
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return SnapshotTableModel<AdvisoryLockRow>::headerData(section, orientation, role);
    static const char *const names[] = {
        "PID",  "Key",    "Mode",     "State",           "Waited",  "Blocked by", "Application",
        "User", "Client", "Database", "Transaction age", "Session", "Query"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace lockscope::ui
