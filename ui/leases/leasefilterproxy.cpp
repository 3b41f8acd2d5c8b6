#include "leases/leasefilterproxy.h"

#include "base/globpattern.h"
#include "leases/leasetablemodel.h"

#include <cmath>
#include <limits>

namespace lockscope::ui {

LeaseFilterProxy::LeaseFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(LeaseTableModel::SortRole);
    setDynamicSortFilter(true);
}

void LeaseFilterProxy::setFilterText(const QString &text) {
    m_text = text.trimmed();
    m_isGlob = m_text.contains(QLatin1Char('*')) || m_text.contains(QLatin1Char('?')) ||
               m_text.contains(QLatin1Char('['));
    if (m_isGlob)
        m_glob = GlobPattern::toRegularExpression(m_text, Qt::CaseInsensitive);
    invalidateWhole();
}

void LeaseFilterProxy::setStateFilter(StateFilter filter) {
    m_state = filter;
    invalidateWhole();
}

// A changed filter rebuilds the whole mapping and says so with one layout
// change. invalidateFilter() instead tells the view of every contiguous run of
// rows that left or came back, one signal each, and a view over a million
// rows spent seconds to minutes on those signals for one typed character.
void LeaseFilterProxy::invalidateWhole() {
    invalidate();
}

bool LeaseFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const auto *model = static_cast<const LeaseTableModel *>(sourceModel());
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);
    if (m_state != StateFilter::All) {
        // A lease with an invalid expiry is neither held nor expired.
        const auto state =
            LeaseTableModel::LeaseState(model->data(index, LeaseTableModel::StateRole).toInt());
        const bool held = state == LeaseTableModel::LeaseState::Held ||
                          state == LeaseTableModel::LeaseState::ExpiringSoon ||
                          state == LeaseTableModel::LeaseState::NoExpiry ||
                          state == LeaseTableModel::LeaseState::OtherType;
        const bool wanted =
            m_state == StateFilter::Held ? held : state == LeaseTableModel::LeaseState::Expired;
        if (!wanted)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    const LeaseRow &row = model->rowAt(sourceRow);
    for (const QString *field : {&row.key, &row.owner, &row.token}) {
        if (m_isGlob ? m_glob.match(*field).hasMatch()
                     : field->contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

namespace {

// The sort keys of LeaseTableModel's SortRole, read straight from the rows:
// sorting a million rows compares ~20 million pairs, and a QVariant pair per
// comparison cost more than the comparing.
double expirySortKey(const LeaseRow &row) {
    return row.hasValidExpiry() ? row.expiresAt : std::numeric_limits<double>::infinity();
}

double acquiredSortKey(const LeaseRow &row) {
    return std::isnan(row.acquiredAt) ? -std::numeric_limits<double>::infinity() : row.acquiredAt;
}

const QString &ownerSortKey(const LeaseRow &row) {
    return row.owner.isEmpty() ? row.token : row.owner;
}

} // namespace

bool LeaseFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    const auto *model = static_cast<const LeaseTableModel *>(sourceModel());
    const LeaseRow &a = model->rowAt(left.row());
    const LeaseRow &b = model->rowAt(right.row());
    switch (LeaseTableModel::Column(left.column())) {
    case LeaseTableModel::Key:
        return a.key < b.key;
    case LeaseTableModel::Owner:
        return ownerSortKey(a) < ownerSortKey(b);
    case LeaseTableModel::Token:
        return a.token < b.token;
    case LeaseTableModel::Remaining:
    case LeaseTableModel::ExpiresAt:
        return expirySortKey(a) < expirySortKey(b);
    case LeaseTableModel::AcquiredAt:
        return acquiredSortKey(a) < acquiredSortKey(b);
    case LeaseTableModel::Fence:
        return a.fence.value_or(-1) < b.fence.value_or(-1);
    case LeaseTableModel::State: // depends on the clock: the model says
    case LeaseTableModel::ColumnCount:
        break;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace lockscope::ui
