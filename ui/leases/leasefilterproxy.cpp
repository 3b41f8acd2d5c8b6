#include "leases/leasefilterproxy.h"

#include "base/globpattern.h"
#include "leases/leasetablemodel.h"

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
    invalidateFilter();
}

void LeaseFilterProxy::setStateFilter(StateFilter filter) {
    m_state = filter;
    invalidateFilter();
}

bool LeaseFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const auto *model = static_cast<const LeaseTableModel *>(sourceModel());
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);
    if (m_state != StateFilter::All) {
        // A lease with an invalid expiry is neither held nor expired.
        const auto state =
            LeaseTableModel::LeaseState(model->data(index, LeaseTableModel::StateRole).toInt());
        const bool held = state == LeaseTableModel::LeaseState::Held ||
                          state == LeaseTableModel::LeaseState::ExpiringSoon;
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

} // namespace lockscope::ui
