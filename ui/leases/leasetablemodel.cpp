#include "leases/leasetablemodel.h"

#include "base/duration.h"
#include "base/epochtime.h"
#include "base/visibletext.h"
#include "common/exporter.h"
#include "common/statecolors.h"
#include "common/whenfinished.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

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
    : QAbstractTableModel(parent)
    , m_view(LeaseView::empty())
    , m_wantedRows(m_view->rows)
    , m_localClock([] { return QDateTime::currentMSecsSinceEpoch(); }) {
    m_pool.setMaxThreadCount(1);
}

LeaseTableModel::~LeaseTableModel() {
    ++m_generation;
    m_pool.waitForDone();
}

int LeaseTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_shown;
}

void LeaseTableModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= ColumnCount)
        return;
    if (m_spec.column == column && m_spec.order == order)
        return;
    m_spec.column = column;
    m_spec.order = order;
    rebuild();
}

void LeaseTableModel::setFilterText(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_spec.text)
        return;
    m_spec.text = trimmed;
    rebuild();
}

void LeaseTableModel::setStateFilter(LeaseViewSpec::StateFilter filter) {
    if (m_spec.state == filter)
        return;
    m_spec.state = filter;
    rebuild();
}

void LeaseTableModel::showRows(const LeaseRows &rows, bool partial) {
    m_wantedRows = rows;
    m_wantedPartial = partial;
    rebuild();
}

void LeaseTableModel::applyRefresh(const std::shared_ptr<const LeaseView> &next,
                                   const std::shared_ptr<const LeaseView> &basis,
                                   const LeaseViewChange &change) {
    m_wantedRows = next->rows;
    m_wantedPartial = next->partial;
    if (!(next->spec == m_spec)) { // the sort or filter changed while it was read
        rebuild();
        return;
    }
    ++m_generation; // a build still running started from older rows
    m_buildAgain = false;
    if (basis != m_view || change.kind == LeaseViewChange::Kind::Layout) {
        swapIn(next);
        return;
    }
    m_view = next; // the same rows in the same places
    const int last = std::min(change.last, m_shown - 1);
    if (change.kind == LeaseViewChange::Kind::Values && change.first <= last)
        Q_EMIT dataChanged(index(change.first, 0), index(last, ColumnCount - 1));
}

void LeaseTableModel::clear() {
    ++m_generation;
    m_building = false;
    m_buildAgain = false;
    m_wantedRows = LeaseView::empty()->rows;
    m_wantedPartial = false;
    beginResetModel();
    m_view = LeaseView::empty();
    m_shown = 0;
    ++m_reveal;
    endResetModel();
    setUnreadableReason(QString());
}

void LeaseTableModel::setUnreadableReason(const QString &reason) {
    if (reason == m_unreadable)
        return;
    m_unreadable = reason;
    Q_EMIT unreadableReasonChanged(reason);
}

// Builds the view for the wanted rows and spec: here when the table is small,
// else on the worker thread, one build at a time; a request that comes while
// one runs is served by one more build with whatever is wanted by then.
void LeaseTableModel::rebuild() {
    // The state filter uses the database clock of now, not of the snapshot.
    const double now = databaseNow();
    if (m_wantedRows->size() <= m_inlineLimit && !m_building) {
        ++m_generation;
        swapIn(LeaseView::build(m_wantedRows, now, m_spec, m_wantedPartial));
        Q_EMIT viewReady();
        return;
    }
    if (m_building) {
        m_buildAgain = true;
        return;
    }
    m_building = true;
    const quint64 generation = ++m_generation;
    whenFinished(
        QtConcurrent::run(&m_pool,
                          [rows = m_wantedRows, now, spec = m_spec, partial = m_wantedPartial] {
                              return LeaseView::build(rows, now, spec, partial);
                          }),
        this, [this, generation](const std::shared_ptr<const LeaseView> &built) {
            m_building = false;
            if (generation == m_generation && built->rows == m_wantedRows &&
                built->spec == m_spec) {
                swapIn(built);
                Q_EMIT viewReady();
            } else if (generation == m_generation || m_buildAgain) {
                m_buildAgain = false;
                rebuild();
                return;
            }
            if (m_buildAgain) {
                m_buildAgain = false;
                rebuild();
            }
        });
}

// Swaps in a view with one signal. Rows keep their selection and the current
// index by key: only the persistent indexes (a handful, or one per selected
// row) are looked up, never the whole table.
void LeaseTableModel::swapIn(std::shared_ptr<const LeaseView> next) {
    const int before = m_shown;
    const int after = next->size();
    if (before == 0 || after == 0 || m_view->partial) {
        // Nothing shown before (or only the first rows of a load: their
        // selection does not carry over), or nothing after: removal and
        // insertion. A million rows are revealed a step at a time, so a view's
        // header grows by at most kRevealStep sections per event-loop turn.
        if (before > 0) {
            beginRemoveRows({}, 0, before - 1);
            m_view = next; // nothing of it revealed yet: totalCount() is already true
            m_shown = 0;
            endRemoveRows();
        }
        m_view = std::move(next);
        ++m_reveal;
        revealMore();
        return;
    }
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &old : from) {
        const int row = next->tableRowOf(m_view->at(old.row()).key);
        // createIndex: index() would check the row against the old row count.
        to << (row < 0 || row >= after ? QModelIndex() : createIndex(row, old.column()));
    }
    m_view = std::move(next);
    m_shown = after;
    ++m_reveal;
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged();
}

void LeaseTableModel::revealMore() {
    const int total = m_view->size();
    if (m_shown >= total)
        return;
    const int next = std::min(total, m_shown + kRevealStep);
    beginInsertRows({}, m_shown, next - 1);
    m_shown = next;
    endInsertRows();
    if (m_shown < total) {
        QTimer::singleShot(0, this, [this, reveal = m_reveal] {
            if (reveal == m_reveal)
                revealMore();
        });
    }
}

int LeaseTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

double LeaseTableModel::databaseNow() const {
    return static_cast<double>(m_localClock()) / 1000.0 + m_offset;
}

// Redis keys show who holds them: a lease's owner (or its value), a
// Redisson-style hash's holder field and hold count, else nothing.
QString LeaseTableModel::ownerText(const LeaseRow &row) {
    if (row.isRedisOtherType()) {
        if (row.holder.isEmpty())
            return QString();
        return row.holdCount ? LeaseTableModel::tr("%1 ×%2").arg(row.holder).arg(*row.holdCount)
                             : row.holder;
    }
    return row.owner.isEmpty() ? row.token : row.owner;
}

LeaseTableModel::LeaseState LeaseTableModel::stateAt(const LeaseRow &row, double dbNow) {
    if (row.isRedisOtherType())
        return LeaseState::OtherType;
    if (row.isRedisNoExpiry())
        return LeaseState::NoExpiry;
    if (!row.hasValidExpiry())
        return LeaseState::Invalid;
    const double left = row.expiresAt - dbNow;
    if (left <= 0)
        return LeaseState::Expired;
    return left < kExpiringSoonSeconds ? LeaseState::ExpiringSoon : LeaseState::Held;
}

int LeaseTableModel::heldCount() const {
    // Leases with a time left; Redis keys without TTL are counted apart.
    return m_view->heldAt(databaseNow());
}

int LeaseTableModel::invalidCount() const {
    return m_view->invalidCount;
}

int LeaseTableModel::noExpiryCount() const {
    return m_view->noExpiryCount;
}

int LeaseTableModel::otherTypeCount() const {
    return m_view->otherTypeCount;
}

QVariant LeaseTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_shown)
        return {};
    const LeaseRow &row = m_view->at(index.row());
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
        case OwnerSession:
            return sessionText(row.ownerStatus);
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
        case OwnerSession: // gone first, then unknown, then connected
            return !row.ownerStatus.connected ? 1 : *row.ownerStatus.connected ? 2 : 0;
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
        if (index.column() == OwnerSession)
            return sessionToolTip(row.ownerStatus);
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
            return tr("Another program wrote this lease's expiry as %1, which is not a time: "
                      "it "
                      "never expires, no sweep removes it and no acquire takes it over. Force "
                      "release removes it.")
                .arg(VisibleText::forDisplay(row.invalidExpiry()));
        if (index.column() == Key)
            return VisibleText::forDisplay(row.key);
        return tr("%1\nowner token %2\nexpires %3 (database clock)")
            .arg(VisibleText::forDisplay(row.key), VisibleText::forDisplay(row.token),
                 expiryText(row));
    case Qt::ForegroundRole:
        if (index.column() == OwnerSession && row.ownerStatus.connected)
            return QBrush(StateColors::foreground(
                *row.ownerStatus.connected ? StateColors::Tone::Good : StateColors::Tone::Bad));
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
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Key:
        return tr("Key");
    case Owner:
        return tr("Owner");
    case OwnerSession:
        return tr("Owner session");
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
    case OwnerSession:
        return tr("Whether the owner still has a session on the server (PostgreSQL): its pid "
                  "and state, or \"gone\" -- check this before a force release. Another "
                  "program's leases need an owner rule (View menu).");
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
    if (m_shown == 0 || first > last)
        return;
    first = std::max(0, first);
    last = std::min(last, m_shown - 1);
    Q_EMIT dataChanged(index(first, State), index(last, Remaining),
                       {Qt::DisplayRole, Qt::ForegroundRole, SortRole, RemainingRole, StateRole});
}

void LeaseTableModel::setLocalClock(std::function<qint64()> clock) {
    m_localClock = std::move(clock);
}

QString LeaseTableModel::sessionText(const OwnerStatus &status) {
    if (!status.connected)
        return QStringLiteral("—");
    if (!*status.connected)
        return tr("✕ gone");
    const lockscope::OwnerSession &s = *status.session;
    return s.state.isEmpty() ? tr("● pid %1").arg(s.pid)
                             : tr("● pid %1 · %2").arg(s.pid).arg(s.state);
}

QString LeaseTableModel::sessionToolTip(const OwnerStatus &status) {
    if (!status.connected)
        return tr("Not known: SQLite has no sessions, and a lease another program wrote needs "
                  "an owner rule (View ▸ Lease owner rule…) that maps its token to the "
                  "application_name of that program's sessions.");
    if (!*status.connected)
        return tr("The owner has no session on the server any more (its process ended or its "
                  "connection was cut): nobody will renew or release this lease.");
    const lockscope::OwnerSession &s = *status.session;
    auto shown = [](const QString &value) {
        return value.isEmpty() ? tr("not visible") : value;
    };
    return tr("Session pid %1\nstate: %2\nclient: %3\napplication: %4\nuser: %5\nconnected "
              "since %6")
        .arg(s.pid)
        .arg(shown(s.state), shown(s.clientAddr), VisibleText::forDisplay(s.application),
             shown(s.user), s.backendStart > 0 ? formatTime(s.backendStart) : tr("not visible"));
}

} // namespace lockscope::ui
