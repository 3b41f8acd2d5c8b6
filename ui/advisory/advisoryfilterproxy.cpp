#include "advisory/advisoryfilterproxy.h"

#include "advisory/advisorytablemodel.h"

namespace lockscope::ui {

AdvisoryFilterProxy::AdvisoryFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(AdvisoryTableModel::SortRole);
}

void AdvisoryFilterProxy::setDatabase(const QString &database) {
    if (database == m_database)
        return;
    m_database = database;
    invalidateFilter();
}

void AdvisoryFilterProxy::setFilterText(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool AdvisoryFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (sourceParent.isValid())
        return false;
    const auto *model = qobject_cast<const AdvisoryTableModel *>(sourceModel());
    if (!model || sourceRow < 0 || sourceRow >= model->rowCount())
        return false;
    const AdvisoryLockRow &row = model->rowAt(sourceRow);
    if (!m_database.isEmpty() && row.database != m_database)
        return false;
    if (m_text.isEmpty())
        return true;
    const auto has = [this](const QString &field) {
        return field.contains(m_text, Qt::CaseInsensitive);
    };
    return has(row.keyDisplay()) || has(QString::number(row.pid)) || has(row.mode) ||
           has(row.application) || has(row.user) || has(row.clientAddress) || has(row.state) ||
           has(row.query);
}

} // namespace lockscope::ui
