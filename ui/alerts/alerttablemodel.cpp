#include "alerts/alerttablemodel.h"

#include "base/epochtime.h"
#include "base/visibletext.h"
#include "common/exporter.h"
#include "common/statecolors.h"

#include <QFont>

namespace lockscope::ui {

namespace {

qint64 keyOf(const Alert &a) {
    return -a.id; // newest first
}

} // namespace

AlertTableModel::AlertTableModel(QObject *parent)
    : SnapshotTableModel<Alert>(parent) {}

AlertTableModel::~AlertTableModel() = default;

void AlertTableModel::setAlerts(QList<Alert> alerts) {
    RowDiff::sort(alerts, keyOf);
    apply(alerts, RowDiff::compute(m_rows, alerts, keyOf));
}

int AlertTableModel::openCount() const {
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Alert &a) { return a.isOpen(); }));
}

int AlertTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertTableModel::ruleTitle(const QString &rule) {
    if (rule == QLatin1String("blocker"))
        return tr("Session blocks others");
    if (rule == QLatin1String("expired-leases"))
        return tr("Expired leases not swept");
    if (rule == QLatin1String("owner-gone"))
        return tr("Lease owner gone");
    if (rule == QLatin1String("redis-no-expiry"))
        return tr("Redis lock without expiry");
    return rule;
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Alert &a = m_rows.at(index.row());
    if (role == Qt::FontRole && a.isOpen()) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && index.column() == Severity)
        return StateColors::foreground(a.severity == Alert::Severity::Critical
                                           ? StateColors::Tone::Bad
                                           : StateColors::Tone::Warning);
    if (role == Qt::ToolTipRole && index.column() == What)
        return a.text;
    if (role == Exporter::ExportRole) {
        if (index.column() == Since)
            return EpochTime::format(a.since, false);
        if (index.column() == Ended)
            return a.isOpen() ? QVariant() : QVariant(EpochTime::format(a.ended, false));
        return data(index, Qt::DisplayRole);
    }
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    const bool raw = role == Qt::UserRole;
    switch (Column(index.column())) {
    case Severity:
        if (raw)
            return static_cast<int>(a.severity);
        return a.severity == Alert::Severity::Critical ? tr("CRITICAL") : tr("WARNING");
    case Rule:
        return raw ? QVariant(a.rule) : QVariant(ruleTitle(a.rule));
    case What:
        return raw ? QVariant(a.text) : QVariant(VisibleText::forDisplay(a.text));
    case Source:
        return raw ? QVariant(a.source) : QVariant(VisibleText::forDisplay(a.source));
    case Since:
        return raw ? QVariant(a.since) : QVariant(EpochTime::format(a.since, false));
    case Ended:
        if (raw)
            return a.ended;
        return a.isOpen() ? tr("open") : EpochTime::format(a.ended, false);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return SnapshotTableModel<Alert>::headerData(section, orientation, role);
    static const char *const names[] = {QT_TR_NOOP("Severity"), QT_TR_NOOP("Alert"),
                                        QT_TR_NOOP("What"),     QT_TR_NOOP("Connection"),
                                        QT_TR_NOOP("Since"),    QT_TR_NOOP("Ended")};
    static const char *const tips[] = {
        QT_TR_NOOP("WARNING or CRITICAL, by the thresholds in Alert thresholds…"),
        QT_TR_NOOP("The rule that fired."),
        QT_TR_NOOP("What LockScope saw, at the last refresh while the alert was open."),
        QT_TR_NOOP("The connection profile it was seen on."),
        QT_TR_NOOP("When the alert started (its condition had held for the rule's duration)."),
        QT_TR_NOOP("When its condition stopped holding; open while it still holds.")};
    return tr(role == Qt::ToolTipRole ? tips[section] : names[section]);
}

} // namespace lockscope::ui
