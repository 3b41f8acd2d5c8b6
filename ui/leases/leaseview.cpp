#include "leases/leaseview.h"

#include "base/globpattern.h"
#include "leases/leasetablemodel.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lockscope::ui {

namespace {

bool keyLess(const LeaseRow &a, const LeaseRow &b) {
    return a.key < b.key;
}

// Whether a row passes the filter typed and the state chosen.
class Matcher final {
public:
    Matcher(const LeaseViewSpec &spec, double now)
        : m_spec(spec)
        , m_now(now)
        , m_isGlob(spec.text.contains(QLatin1Char('*')) || spec.text.contains(QLatin1Char('?')) ||
                   spec.text.contains(QLatin1Char('['))) {
        if (m_isGlob)
            m_glob = GlobPattern::toRegularExpression(spec.text, Qt::CaseInsensitive);
    }

    bool acceptsAll() const {
        return m_spec.state == LeaseViewSpec::StateFilter::All && m_spec.text.isEmpty();
    }

    bool operator()(const LeaseRow &row) const {
        // A lease with an invalid expiry is neither held nor expired; a Redis
        // key without TTL, or of another type, counts as held.
        if (m_spec.state == LeaseViewSpec::StateFilter::Held && !row.isHeldAt(m_now) &&
            !row.isRedisNoExpiry() && !row.isRedisOtherType())
            return false;
        if (m_spec.state == LeaseViewSpec::StateFilter::Expired && !row.isExpiredAt(m_now))
            return false;
        if (m_spec.text.isEmpty())
            return true;
        for (const QString *field : {&row.key, &row.owner, &row.token}) {
            if (m_isGlob ? m_glob.match(*field).hasMatch()
                         : field->contains(m_spec.text, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }

private:
    const LeaseViewSpec &m_spec;
    double m_now;
    bool m_isGlob;
    QRegularExpression m_glob;
};

// The sort keys of LeaseTableModel's SortRole, read straight from the rows.
double expirySortKey(const LeaseRow &row) {
    return row.hasValidExpiry() ? row.expiresAt : std::numeric_limits<double>::infinity();
}

double acquiredSortKey(const LeaseRow &row) {
    return std::isnan(row.acquiredAt) ? -std::numeric_limits<double>::infinity() : row.acquiredAt;
}

const QString &ownerSortKey(const LeaseRow &row) {
    if (row.isRedisOtherType()) // what the Owner column shows first: the hash's holder
        return row.holder;
    return row.owner.isEmpty() ? row.token : row.owner;
}

// Sorts table rows by a value taken once per row (cache-friendly); equal values
// keep key order in both directions, as a stable sort of the key-ordered rows would.
template <typename Value, typename ValueOf>
void sortByValue(std::vector<int> &visible, const QList<LeaseRow> &rows, bool ascending,
                 ValueOf valueOf) {
    std::vector<std::pair<Value, int>> keyed;
    keyed.reserve(visible.size());
    for (int i : visible)
        keyed.emplace_back(valueOf(rows.at(i)), i);
    if (ascending)
        std::sort(keyed.begin(), keyed.end());
    else
        std::sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
            return b.first < a.first || (a.first == b.first && a.second < b.second);
        });
    for (std::size_t i = 0; i < keyed.size(); ++i)
        visible[i] = keyed[i].second;
}

template <typename TextOf>
void sortByText(std::vector<int> &visible, const QList<LeaseRow> &rows, bool ascending,
                TextOf textOf) {
    std::sort(visible.begin(), visible.end(), [&](int a, int b) {
        const QString &x = textOf(rows.at(a));
        const QString &y = textOf(rows.at(b));
        const int c = QString::compare(x, y);
        return c != 0 ? (ascending ? c < 0 : c > 0) : a < b;
    });
}

void sortVisible(std::vector<int> &visible, const QList<LeaseRow> &rows, const LeaseViewSpec &spec,
                 double now) {
    const bool ascending = spec.order == Qt::AscendingOrder;
    using Model = LeaseTableModel;
    switch (Model::Column(spec.column)) {
    case Model::Key: // the rows are in key order already
        if (!ascending)
            std::reverse(visible.begin(), visible.end());
        return;
    case Model::Owner:
        sortByText(visible, rows, ascending, ownerSortKey);
        return;
    case Model::Token:
        sortByText(visible, rows, ascending,
                   [](const LeaseRow &r) -> const QString & { return r.token; });
        return;
    case Model::OwnerSession: // gone first, then unknown, then connected
        sortByValue<int>(visible, rows, ascending, [](const LeaseRow &r) {
            return !r.ownerStatus.connected ? 1 : *r.ownerStatus.connected ? 2 : 0;
        });
        return;
    case Model::State:
        sortByValue<int>(visible, rows, ascending,
                         [now](const LeaseRow &r) { return int(Model::stateAt(r, now)); });
        return;
    case Model::Remaining:
    case Model::ExpiresAt:
        sortByValue<double>(visible, rows, ascending, expirySortKey);
        return;
    case Model::AcquiredAt:
        sortByValue<double>(visible, rows, ascending, acquiredSortKey);
        return;
    case Model::Fence:
        sortByValue<qint64>(visible, rows, ascending,
                            [](const LeaseRow &r) { return r.fence.value_or(-1); });
        return;
    case Model::ColumnCount:
        break;
    }
}

} // namespace

namespace {

// Deletes `doomed` on a worker when this is the GUI thread and it is big.
template <typename T> void deleteOffGuiThread(const T *doomed, qsizetype size) {
    const QCoreApplication *app = QCoreApplication::instance();
    if (size > 10'000 && app && QThread::currentThread() == app->thread())
        QThreadPool::globalInstance()->start([doomed] { delete doomed; });
    else
        delete doomed;
}

} // namespace

LeaseRows shareLeaseRows(QList<LeaseRow> &&rows) {
    return LeaseRows(new QList<LeaseRow>(std::move(rows)), [](const QList<LeaseRow> *doomed) {
        deleteOffGuiThread(doomed, doomed->size());
    });
}

int LeaseView::heldAt(double now) const {
    return static_cast<int>(expiries.cend() -
                            std::upper_bound(expiries.cbegin(), expiries.cend(), now));
}

int LeaseView::tableRowOf(const QString &key) const {
    const auto it = std::lower_bound(rows->cbegin(), rows->cend(), key,
                                     [](const LeaseRow &r, const QString &k) { return r.key < k; });
    if (it == rows->cend() || it->key != key)
        return -1;
    return positionOf[static_cast<std::size_t>(it - rows->cbegin())];
}

std::shared_ptr<const LeaseView> LeaseView::empty() {
    static const std::shared_ptr<const LeaseView> none =
        build(std::make_shared<const QList<LeaseRow>>(), 0, {});
    return none;
}

std::shared_ptr<const LeaseView> LeaseView::build(LeaseRows rows, double dbNow,
                                                  const LeaseViewSpec &spec, bool partial) {
    // Its vectors too are freed off the GUI thread (unmapping them is not free).
    std::shared_ptr<LeaseView> view(new LeaseView, [](const LeaseView *doomed) {
        deleteOffGuiThread(doomed, doomed->positionOf.size());
    });
    view->rows = rows ? std::move(rows) : std::make_shared<const QList<LeaseRow>>();
    view->dbNow = dbNow;
    view->spec = spec;
    view->partial = partial;
    const QList<LeaseRow> &all = *view->rows;
    const int n = static_cast<int>(all.size());
    const Matcher matches(spec, dbNow);
    if (matches.acceptsAll()) {
        view->visible.resize(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            view->visible[static_cast<std::size_t>(i)] = i;
    } else {
        for (int i = 0; i < n; ++i) {
            if (matches(all.at(i)))
                view->visible.push_back(i);
        }
    }
    sortVisible(view->visible, all, spec, dbNow);
    view->expiries.reserve(static_cast<std::size_t>(n));
    for (const LeaseRow &row : all) {
        if (row.isRedisOtherType())
            ++view->otherTypeCount; // not a lease: neither held nor invalid
        else if (row.isRedisNoExpiry())
            ++view->noExpiryCount; // a Redis key without TTL: held until deleted
        else if (row.hasValidExpiry())
            view->expiries.push_back(row.expiresAt);
        else
            ++view->invalidCount;
    }
    if (!std::is_sorted(view->expiries.cbegin(), view->expiries.cend()))
        std::sort(view->expiries.begin(), view->expiries.end());
    view->positionOf.assign(static_cast<std::size_t>(n), -1);
    for (std::size_t i = 0; i < view->visible.size(); ++i)
        view->positionOf[static_cast<std::size_t>(view->visible[i])] = static_cast<int>(i);
    return view;
}

LeaseViewChange LeaseViewChange::between(const LeaseView &before, const LeaseView &after) {
    LeaseViewChange change;
    if (!(before.spec == after.spec) || before.size() != after.size() ||
        before.partial != after.partial)
        return change; // Layout
    for (int i = 0; i < after.size(); ++i) {
        const LeaseRow &a = before.at(i);
        const LeaseRow &b = after.at(i);
        if (a.key != b.key)
            return LeaseViewChange{}; // Layout
        if (!(a == b)) {
            if (change.last < change.first)
                change.first = i;
            change.last = i;
        }
    }
    change.kind = change.last >= change.first ? Kind::Values : Kind::None;
    if (change.kind == Kind::None) {
        // Every row shown on both sides: the loop above compared them all.
        const bool allShown =
            before.size() == before.rows->size() && after.size() == after.rows->size();
        change.sameRows = allShown || before.rows == after.rows || *before.rows == *after.rows;
    }
    return change;
}

void sortLeaseRowsByKey(QList<LeaseRow> &rows) {
    if (!std::is_sorted(rows.cbegin(), rows.cend(), keyLess))
        std::sort(rows.begin(), rows.end(), keyLess);
}

} // namespace lockscope::ui
