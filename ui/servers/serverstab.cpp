#include "servers/serverstab.h"

#include "servers/serversrefresher.h"
#include "servers/serverstablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace lockscope::ui {

ServersTab::ServersTab(QWidget *parent)
    : QWidget(parent)
    , m_model(new ServersTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_refresher(new ServersRefresher(m_model, this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ServersTableModel::SortRole);
    m_view->setObjectName(QStringLiteral("serversView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the order saved, until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(ServersTableModel::Status,
                                                     QHeaderView::Interactive);
    m_view->setColumnWidth(ServersTableModel::Name, 140);
    m_view->setColumnWidth(ServersTableModel::Server, 250);
    m_view->setColumnWidth(ServersTableModel::Status, 300); // the whole error is the tooltip
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_summary->setObjectName(QStringLiteral("serversSummary"));
    auto *refresh = new QPushButton(tr("&Check all now"), this);
    refresh->setObjectName(QStringLiteral("serversRefresh"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(refresh, &QPushButton::clicked, m_refresher, &ServersRefresher::refreshNow);
    connect(m_refresher, &ServersRefresher::probed, this, &ServersTab::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ServersTab::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ServersTab::updateSummary);
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT openProfile(index.data(ServersTableModel::ProfileNameRole).toString());
    });
    updateSummary();
}

ServersTab::~ServersTab() = default;

void ServersTab::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    m_refresher->setActive(true);
}

void ServersTab::hideEvent(QHideEvent *event) {
    QWidget::hideEvent(event);
    m_refresher->setActive(false);
}

void ServersTab::updateSummary() {
    int reachable = 0;
    int unreachable = 0;
    for (const ServerRow &row : m_model->rows()) {
        if (row.status)
            (row.status->reachable ? reachable : unreachable)++;
    }
    if (m_model->rowCount() == 0) {
        m_summary->setText(tr("No saved profiles: save one in Database ▸ Connect… and it shows "
                              "here."));
        return;
    }
    m_summary->setText(tr("%1 profiles: %2 reachable, %3 not reachable (at most %4 checked at "
                          "once)")
                           .arg(m_model->rowCount())
                           .arg(reachable)
                           .arg(unreachable)
                           .arg(m_refresher->maxConcurrent()));
}

} // namespace lockscope::ui
