#include "leases/leasetablemodel.h"

#include "base/duration.h"
#include "base/epochtime.h"
#include "base/visibletext.h"
#include "common/exporter.h"
#include "common/statecolors.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

#include <cmath>
#include <limits>

namespace lockscope::ui {

namespace {

QString formatTime(double epoch) {
    return EpochTime::format(epoch, false);
}

QString expiryText(const LeaseRow &row) {
    if (row.isRedis() && !row.hasValidExpiry())
        return LeaseTableModel::tr("never (no TTL)");
    return row.hasValidExpiry() ? formatTime(row.expiresAt)
                                : LeaseTableModel::tr("invalid (%1)")
                                      .arg(VisibleText::forDisplay(row.invalidExpiry()));
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

// Redis keys show who holds them: a lease's owner (or its value), a
// Redisson-style hash's holder field and hold count, else nothing.
QString ownerText(const LeaseRow &row) {
    if (row.isRedisOtherType()) {
        if (row.holder.isEmpty())
            return QString();
        return row.holdCount ? LeaseTableModel::tr("%1 ×%2").arg(row.holder).arg(*row.holdCount)
                             : row.holder;
    }
    return row.owner.isEmpty() ? row.token : row.owner;
}

LeaseTableModel::LeaseState LeaseTableModel::stateOf(const LeaseRow &row) const {
    if (row.isRedisOtherType())
        return LeaseState::OtherType;
    if (row.isRedisNoExpiry())
        return LeaseState::NoExpiry;
    if (!row.hasValidExpiry())
        return LeaseState::Invalid;
    const double left = row.expiresAt - databaseNow();
    if (left <= 0)
        return LeaseState::Expired;
    return left < kExpiringSoonSeconds ? LeaseState::ExpiringSoon : LeaseState::Held;
}

int LeaseTableModel::heldCount() const {
    const double now = databaseNow();
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [now](const LeaseRow &r) {
        return !r.isRedisOtherType() && r.isHeldAt(now);
    }));
}

int LeaseTableModel::invalidCount() const {
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const LeaseRow &r) {
        return !r.isRedis() && !r.hasValidExpiry();
    }));
}

int LeaseTableModel::noExpiryCount() const {
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                          [](const LeaseRow &r) { return r.isRedisNoExpiry(); }));
}

int LeaseTableModel::otherTypeCount() const {
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                          [](const LeaseRow &r) { return r.isRedisOtherType(); }));
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
    case Exporter::ExportRole: // the exact text; the table shows control characters
        switch (Column(index.column())) {
        case Key:
            return row.key;
        case Owner:
            return ownerText(row);
        case Token:
            return row.token;
        default:
            return {};
        }
    case TokenRole:
        return row.token;
    case RemainingRole:
        return std::isfinite(remaining) ? QVariant(remaining) : QVariant();
    case StateRole:
        return int(state);
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Key:
            return VisibleText::forDisplay(row.key);
        case Owner:
            return VisibleText::forDisplay(ownerText(row));
        case State:
            // A symbol as well as the colour, for those who cannot tell them apart.
            switch (state) {
            case LeaseState::Held:
                return tr("● held");
            case LeaseState::ExpiringSoon:
                return tr("◐ expiring");
            case LeaseState::Expired:
                return tr("✕ expired");
            case LeaseState::Invalid:
                return tr("⚠ invalid");
            case LeaseState::NoExpiry:
                return tr("⚠ no-expiry");
            case LeaseState::OtherType:
                return tr("▣ %1").arg(row.redisType);
            }
            break;
        case Remaining:
            return !std::isfinite(remaining) ? QStringLiteral("—")
                                             : Duration::formatRemaining(remaining);
        case ExpiresAt:
            return expiryText(row);
        case AcquiredAt:
            return row.isRedis() ? QStringLiteral("—") : formatTime(row.acquiredAt);
        case Fence:
            return row.fence ? QString::number(*row.fence) : tr("unfenced");
        case Token:
            return VisibleText::forDisplay(row.token);
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (Column(index.column())) {
        case Key:
            return row.key;
        case Owner:
            return ownerText(row);
        case State:
            return int(state);
        case Remaining:
        case ExpiresAt: // an invalid expiry never ends: after every time (NaN would not sort)
            return row.hasValidExpiry() ? row.expiresAt : std::numeric_limits<double>::infinity();
        case AcquiredAt: // NULL (read as NaN) first
            return std::isnan(row.acquiredAt) ? -std::numeric_limits<double>::infinity()
                                              : row.acquiredAt;
        case Fence:
            return row.fence ? QVariant(*row.fence) : QVariant(qint64(-1));
        case Token:
            return row.token;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (state == LeaseState::NoExpiry)
            return tr("This Redis key has no TTL: the lock never frees itself (its holder may "
                      "have died). Force release removes it if it still holds the value shown.");
        if (state == LeaseState::OtherType)
            return tr("A Redis key of type %1, not a string lease: listed with its holder and "
                      "hold count when it is a Redisson-style hash of one field. LockScope does "
                      "not release it.")
                .arg(row.redisType);
        if (index.column() == Owner && row.owner.isEmpty())
            return tr("Written by another program: its owner is only known by its token.");
        if (state == LeaseState::Invalid &&
            (index.column() == State || index.column() == Remaining || index.column() == ExpiresAt))
            return tr("Another program wrote this lease's expiry as %1, which is not a time: it "
                      "never expires, no sweep removes it and no acquire takes it over. Force "
                      "release removes it.")
                .arg(VisibleText::forDisplay(row.invalidExpiry()));
        if (index.column() == Key)
            return VisibleText::forDisplay(row.key);
        return tr("%1\nowner token %2\nexpires %3 (database clock)")
            .arg(VisibleText::forDisplay(row.key), VisibleText::forDisplay(row.token),
                 expiryText(row));
    case Qt::ForegroundRole:
        if (index.column() == State || index.column() == Remaining) {
            using Tone = StateColors::Tone;
            return QBrush(StateColors::foreground(
                state == LeaseState::Held || state == LeaseState::OtherType ? Tone::Good
                : state == LeaseState::ExpiringSoon                         ? Tone::Warning
                : state == LeaseState::Expired                              ? Tone::Bad
                                                                            : Tone::Strange));
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
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole)
        return headerToolTip(section);
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

QString LeaseTableModel::headerToolTip(int section) {
    switch (Column(section)) {
    case Key:
        return tr("What is locked: the lease's key (lock_key).");
    case Owner:
        return tr("Who holds it: the owner its program wrote, else its token.");
    case State:
        return tr("Held, expiring (under %1 s left), expired (still in the table until a sweep "
                  "or a take-over) or invalid (an expiry that is not a time).")
            .arg(kExpiringSoonSeconds);
    case Remaining:
        return tr("Time left until expires_at, counted down by the database's clock (not this "
                  "computer's); negative once expired.");
    case ExpiresAt:
        return tr("When the lease expires (expires_at, database clock), in your time zone.");
    case AcquiredAt:
        return tr("When the current holder acquired it (acquired_at, database clock).");
    case Fence:
        return tr("The fencing token: strictly increases with every acquisition of the key, so a "
                  "resource can refuse writes from an older holder. \"unfenced\": written by a "
                  "program that does not keep one.");
    case Token:
        return tr("The owner token, unique per acquisition: release and renew act only with it, "
                  "and force release only if the lease still carries it.");
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
