#include "activity/activitytab.h"

#include "activity/audittablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace lockscope::ui {

ActivityTab::ActivityTab(AuditTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this)) {
    m_proxy->setSourceModel(model);
    m_proxy->setFilterKeyColumn(-1); // any column
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setObjectName(QStringLiteral("activityFilter"));
    m_filter->setPlaceholderText(tr("Filter by action, key, user, tool or outcome"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AuditTableModel::When, Qt::DescendingOrder);
    m_view->setObjectName(QStringLiteral("activityView"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(AuditTableModel::When, 150);
    m_view->setColumnWidth(AuditTableModel::Target, 200);
    m_view->setColumnWidth(AuditTableModel::Outcome, 220);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Every sweep, force release and backend signal, from "
                                    "LockScope and lockctl — including refused ones."),
                                 this));
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
}

ActivityTab::~ActivityTab() = default;

} // namespace lockscope::ui
