#include "activity/audittablemodel.h"

#include "base/epochtime.h"
#include "base/visibletext.h"
#include "common/exporter.h"

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
        return e.detail.isEmpty() ? QVariant() : QVariant(VisibleText::forDisplay(e.detail));
    if (role == Qt::DisplayRole && index.column() != When) {
        // Targets, tokens and details come from whoever wrote the log: control
        // characters are shown, not obeyed. UserRole and exports keep the exact text.
        return VisibleText::forDisplay(data(index, Qt::UserRole).toString());
    }
    if (role == Exporter::ExportRole)
        return index.column() == When ? QVariant() : data(index, Qt::UserRole);
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    switch (Column(index.column())) {
    case When:
        if (role == Qt::UserRole)
            return e.at;
        return EpochTime::format(e.at, false);
    case Action:
        return e.action;
    case Target:
        return e.target;
    case Outcome:
        return e.outcome;
    case DbUser:
        return e.dbUser;
    case OsUser: // empty for a refusal the database recorded itself: only the host is known
        return e.osUser.isEmpty() ? e.osHost : QStringLiteral("%1@%2").arg(e.osUser, e.osHost);
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
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return SnapshotTableModel<AuditEntry>::headerData(section, orientation, role);
    static const char *const names[] = {
        QT_TR_NOOP("When"),    QT_TR_NOOP("Action"),         QT_TR_NOOP("Target"),
        QT_TR_NOOP("Outcome"), QT_TR_NOOP("Database user"),  QT_TR_NOOP("OS user"),
        QT_TR_NOOP("Tool"),    QT_TR_NOOP("Previous token"), QT_TR_NOOP("Detail")};
    static const char *const tips[] = {
        QT_TR_NOOP("When it happened, by the database's clock, in your time zone."),
        QT_TR_NOOP("sweep, force-release, cancel-backend or terminate-backend."),
        QT_TR_NOOP("The lease key, the backend PID, or the expired leases of a sweep."),
        QT_TR_NOOP("What came of it: released, changed (left alone), absent, removed N, or "
                   "refused and why."),
        QT_TR_NOOP("The database role that did it."),
        QT_TR_NOOP("The operating-system user and host of the program that did it."),
        QT_TR_NOOP("lockscope or lockctl."),
        QT_TR_NOOP("The owner token the lease carried when it was force-released."),
        QT_TR_NOOP("Anything else recorded with it.")};
    return tr(role == Qt::ToolTipRole ? tips[section] : names[section]);
}

} // namespace lockscope::ui
