#include "servers/serverstablemodel.h"

#include "base/duration.h"
#include "common/statecolors.h"

#include <QBrush>
#include <QDateTime>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace lockscope::ui {

namespace {

// The worst severity among open alerts; nullopt for none.
std::optional<Alert::Severity> worstOf(const QList<Alert> &alerts) {
    std::optional<Alert::Severity> worst;
    for (const Alert &a : alerts) {
        if (!worst || a.severity > *worst)
            worst = a.severity;
    }
    return worst;
}

bool sameProfile(const Profile &a, const Profile &b) {
    return a.name == b.name && a.readOnly == b.readOnly &&
           a.params.identity() == b.params.identity();
}

} // namespace

ServersTableModel::ServersTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

ServersTableModel::~ServersTableModel() = default;

int ServersTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ServersTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int ServersTableModel::rowOf(const QString &name) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).profile.name == name)
            return i;
    }
    return -1;
}

void ServersTableModel::setProfiles(const QList<Profile> &profiles) {
    // Rows whose profile is gone, last first.
    for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0; --i) {
        const QString &name = m_rows.at(i).profile.name;
        const bool kept = std::any_of(profiles.cbegin(), profiles.cend(),
                                      [&](const Profile &p) { return p.name == name; });
        if (!kept) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    for (const Profile &p : profiles) {
        const int row = rowOf(p.name);
        if (row < 0) {
            const int at = static_cast<int>(m_rows.size());
            beginInsertRows({}, at, at);
            m_rows.append(ServerRow{p, std::nullopt, false, 0, std::nullopt, ++m_generation});
            endInsertRows();
        } else if (!sameProfile(m_rows.at(row).profile, p)) {
            m_rows[row].profile = p; // edited: what was found no longer applies
            m_rows[row].status.reset();
            m_rows[row].alerts.reset();
            m_rows[row].generation = ++m_generation;
            changed(row);
        }
    }
}

void ServersTableModel::setProbing(const QString &name, bool probing) {
    const int row = rowOf(name);
    if (row < 0 || m_rows.at(row).probing == probing)
        return;
    m_rows[row].probing = probing;
    changed(row);
}

bool ServersTableModel::setStatus(const QString &name, quint64 generation,
                                  const ServerStatus &status, qint64 checkedAtMs,
                                  const std::optional<QList<Alert>> &alerts) {
    const int row = rowOf(name);
    if (row < 0 || m_rows.at(row).generation != generation)
        return false;
    ServerRow &r = m_rows[row];
    r.status = status;
    r.probing = false;
    r.checkedAtMs = checkedAtMs;
    r.alerts = alerts;
    changed(row);
    return true;
}

void ServersTableModel::changed(int row) {
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QVariant ServersTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const ServerRow &row = m_rows.at(index.row());
    const std::optional<ServerStatus> &s = row.status;
    const bool known = s && s->reachable;
    const bool counts = known && s->leaseTable;
    switch (role) {
    case ProfileNameRole:
        return row.profile.name;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Name:
            return row.profile.name;
        case Server:
            return row.profile.params.displayUrl();
        case Status:
            if (!s)
                return tr("checking…");
            if (!s->reachable)
                return tr("✕ %1").arg(s->error.section(QLatin1Char('\n'), 0, 0));
            if (!s->leaseTable)
                return tr("● reachable, no lease table");
            return s->error.isEmpty() ? tr("● reachable") : tr("● reachable (%1)").arg(s->error);
        case Held:
            return counts ? QVariant(s->held) : QVariant(QStringLiteral("—"));
        case Expired:
            return counts ? QVariant(s->expired) : QVariant(QStringLiteral("—"));
        case Waiting:
            return known && s->waiting ? QVariant(*s->waiting) : QVariant(QStringLiteral("—"));
        case LongestWait:
            if (!known || !s->longestWaitS)
                return QStringLiteral("—");
            return QString(Duration::format(
                               std::chrono::milliseconds(std::llround(*s->longestWaitS * 1000.0))) +
                           (s->waitEstimated ? QStringLiteral("*") : QString()));
        case Alerts: {
            if (!row.alerts)
                return QStringLiteral("—");
            const auto worst = worstOf(*row.alerts);
            if (!worst)
                return tr("none");
            return QStringLiteral("%1 %2")
                .arg(row.alerts->size())
                .arg(*worst == Alert::Severity::Critical ? tr("CRITICAL") : tr("WARNING"));
        }
        case Checked:
            if (row.probing)
                return tr("probing…");
            return row.checkedAtMs > 0
                       ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.checkedAtMs).time(),
                                            QLocale::ShortFormat)
                       : QString();
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (Column(index.column())) {
        case Name:
        case Server:
            return data(index, Qt::DisplayRole);
        case Status:
            return !s ? 1 : s->reachable ? 2 : 0;
        case Held:
            return counts ? s->held : -1;
        case Expired:
            return counts ? s->expired : -1;
        case Waiting:
            return known && s->waiting ? *s->waiting : -1;
        case LongestWait:
            return known && s->longestWaitS ? *s->longestWaitS : -1.0;
        case Alerts: {
            // Critical above warning, then by count; unknown last.
            if (!row.alerts)
                return -1;
            const auto worst = worstOf(*row.alerts);
            return (worst ? static_cast<int>(*worst) : 0) * 100000 +
                   static_cast<int>(row.alerts->size());
        }
        case Checked:
            return row.checkedAtMs;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Status && s && !s->error.isEmpty())
            return s->error;
        if (index.column() == LongestWait && known && s->waitEstimated)
            return tr("* before PostgreSQL 14: counted from the start of the waiting statement.");
        if (index.column() == Alerts && row.alerts && !row.alerts->isEmpty()) {
            QStringList lines;
            for (const Alert &a : *row.alerts)
                lines << QStringLiteral("%1: %2").arg(severityName(a.severity), a.text);
            return lines.join(QLatin1Char('\n'));
        }
        if (index.column() == Checked && s)
            return tr("The probe took %1 ms.").arg(QLocale().toString(s->probeMs, 'f', 0));
        return tr("Double-click to open %1.").arg(row.profile.name);
    case Qt::ForegroundRole:
        if (index.column() == Status && s)
            return QBrush(StateColors::foreground(s->reachable ? StateColors::Tone::Good
                                                               : StateColors::Tone::Bad));
        if (index.column() == Expired && counts && s->expired > 0)
            return QBrush(StateColors::foreground(StateColors::Tone::Warning));
        if (index.column() == Waiting && known && s->waiting && *s->waiting > 0)
            return QBrush(StateColors::foreground(StateColors::Tone::Warning));
        if (index.column() == Alerts && row.alerts) {
            if (const auto worst = worstOf(*row.alerts))
                return QBrush(StateColors::foreground(*worst == Alert::Severity::Critical
                                                          ? StateColors::Tone::Bad
                                                          : StateColors::Tone::Warning));
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= Held && index.column() <= Alerts)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant ServersTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Name:
            return tr("The saved connection profile.");
        case Server:
            return tr("Where it connects (never with its password).");
        case Status:
            return tr("Whether the server answered, or why not.");
        case Held:
            return tr("Leases held now (by the server's clock).");
        case Expired:
            return tr("Leases expired but still in the table: a sweep removes them.");
        case Waiting:
            return tr("Sessions waiting for a lock of any kind (PostgreSQL).");
        case LongestWait:
            return tr("The longest of those waits.");
        case Alerts:
            return tr("Open alerts by the rules of Alerts ▸ thresholds, and the worst "
                      "severity; the tooltip names them. Redis profiles are not probed.");
        case Checked:
            return tr("When the server was last looked at.");
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Profile");
    case Server:
        return tr("Connection");
    case Status:
        return tr("Status");
    case Held:
        return tr("Held");
    case Expired:
        return tr("Expired");
    case Waiting:
        return tr("Waiting");
    case LongestWait:
        return tr("Longest wait");
    case Alerts:
        return tr("Alerts");
    case Checked:
        return tr("Checked");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace lockscope::ui
