#include "activity/audittablemodel.h"

#include <QDateTime>

namespace lockscope::ui {

AuditTableModel::AuditTableModel(QObject *parent)
    : SnapshotTableModel<AuditEntry>(parent) {}

AuditTableModel::~AuditTableModel() = default;

int AuditTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AuditEntry &e = m_rows.at(index.row());
    if (role == Qt::ToolTipRole)
        return e.detail.isEmpty() ? QVariant() : QVariant(e.detail);
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    switch (Column(index.column())) {
    case When:
        if (role == Qt::UserRole)
            return e.at;
        return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(e.at * 1000))
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Action:
        return e.action;
    case Target:
        return e.target;
    case Outcome:
        return e.outcome;
    case DbUser:
        return e.dbUser;
    case OsUser:
        return QStringLiteral("%1@%2").arg(e.osUser, e.osHost);
    case Tool:
        return e.tool;
    case PreviousToken:
        return e.previousToken;
    case Detail:
        return e.detail;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return SnapshotTableModel<AuditEntry>::headerData(section, orientation, role);
    static const char *const names[] = {"When",    "Action",         "Target",
                                        "Outcome", "Database user",  "OS user",
                                        "Tool",    "Previous token", "Detail"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace lockscope::ui
