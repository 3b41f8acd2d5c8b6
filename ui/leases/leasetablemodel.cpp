#include "leases/leasetablemodel.h"

#include "base/duration.h"
#include "common/exporter.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace lockscope::ui {

namespace {

QString formatTime(double epoch) {
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(epoch * 1000.0))
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

LeaseTableModel::LeaseTableModel(QObject *parent)
    : SnapshotTableModel<LeaseRow>(parent)
    , m_localClock([] { return QDateTime::currentMSecsSinceEpoch(); }) {}

LeaseTableModel::~LeaseTableModel() = default;

int LeaseTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

double LeaseTableModel::databaseNow() const {
    return static_cast<double>(m_localClock()) / 1000.0 + m_offset;
}

LeaseTableModel::LeaseState LeaseTableModel::stateOf(const LeaseRow &row) const {
    const double left = row.expiresAt - databaseNow();
    if (left <= 0)
        return LeaseState::Expired;
    return left < kExpiringSoonSeconds ? LeaseState::ExpiringSoon : LeaseState::Held;
}

int LeaseTableModel::heldCount() const {
    const double now = databaseNow();
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                          [now](const LeaseRow &r) { return r.isHeldAt(now); }));
}

QVariant LeaseTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const LeaseRow &row = m_rows.at(index.row());
    const double remaining = row.expiresAt - databaseNow();
    const LeaseState state = stateOf(row);
    switch (role) {
    case KeyRole:
        return row.key;
    case Exporter::ExportRole:
        return index.column() == Key ? QVariant(row.key) : QVariant();
    case TokenRole:
        return row.token;
    case RemainingRole:
        return remaining;
    case StateRole:
        return int(state);
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Key: {
            QString key = row.key;
            return key.replace(QLatin1Char('\n'), QStringLiteral("⏎"));
        }
        case Owner:
            return row.owner.isEmpty() ? row.token : row.owner;
        case State:
            // A symbol as well as the colour, for those who cannot tell them apart.
            return state == LeaseState::Held           ? QStringLiteral("● held")
                   : state == LeaseState::ExpiringSoon ? QStringLiteral("◐ expiring")
                                                       : QStringLiteral("✕ expired");
        case Remaining:
            return Duration::formatRemaining(remaining);
        case ExpiresAt:
            return formatTime(row.expiresAt);
        case AcquiredAt:
            return formatTime(row.acquiredAt);
        case Fence:
            return row.fence ? QString::number(*row.fence) : tr("unfenced");
        case Token:
            return row.token;
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (Column(index.column())) {
        case Key:
            return row.key;
        case Owner:
            return row.owner.isEmpty() ? row.token : row.owner;
        case State:
            return int(state);
        case Remaining:
        case ExpiresAt:
            return row.expiresAt;
        case AcquiredAt:
            return row.acquiredAt;
        case Fence:
            return row.fence ? QVariant(*row.fence) : QVariant(qint64(-1));
        case Token:
            return row.token;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Owner && row.owner.isEmpty())
            return tr("Written by another program: its owner is only known by its token.");
        if (index.column() == Key)
            return row.key;
        return QStringLiteral("%1\nowner token %2\nexpires %3 (database clock)")
            .arg(row.key, row.token, formatTime(row.expiresAt));
    case Qt::ForegroundRole:
        if (index.column() == State || index.column() == Remaining) {
            return QBrush(state == LeaseState::Held           ? QColor(0x1b, 0x7f, 0x3b)
                          : state == LeaseState::ExpiringSoon ? QColor(0xa6, 0x6a, 0x00)
                                                              : QColor(0xb0, 0x1f, 0x1f));
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Remaining)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant LeaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return SnapshotTableModel<LeaseRow>::headerData(section, orientation, role);
    switch (Column(section)) {
    case Key:
        return tr("Key");
    case Owner:
        return tr("Owner");
    case State:
        return tr("State");
    case Remaining:
        return tr("Remaining");
    case ExpiresAt:
        return tr("Expires at");
    case AcquiredAt:
        return tr("Acquired at");
    case Fence:
        return tr("Fence");
    case Token:
        return tr("Token");
    case ColumnCount:
        break;
    }
    return {};
}

void LeaseTableModel::tick(int first, int last) {
    if (m_rows.isEmpty() || first > last)
        return;
    first = std::max(0, first);
    last = std::min(last, static_cast<int>(m_rows.size()) - 1);
    Q_EMIT dataChanged(index(first, State), index(last, Remaining),
                       {Qt::DisplayRole, Qt::ForegroundRole, SortRole, RemainingRole, StateRole});
}

void LeaseTableModel::setLocalClock(std::function<qint64()> clock) {
    m_localClock = std::move(clock);
}

} // namespace lockscope::ui
