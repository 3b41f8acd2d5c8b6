#include "activitytab.h"

#include "audittablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace lockscope::ui {

ActivityTab::ActivityTab(AuditTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_view(new QTableView(this)) {
    m_view->setModel(model);
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
    layout->addWidget(m_view, 1);
}

ActivityTab::~ActivityTab() = default;

} // namespace lockscope::ui
