#include "activity/activitytab.h"

#include "activity/audittablemodel.h"
#include "common/emptystate.h"
#include "common/exporter.h"
#include "common/rowmenu.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace lockscope::ui {

ActivityTab::ActivityTab(AuditTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_empty(new EmptyState(this))
    , m_stack(new QStackedWidget(this)) {
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
    RowMenu::attach(m_view, [this](const QModelIndex &index) { return contextMenu(index); });
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ActivityTab::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ActivityTab::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ActivityTab::updateEmptyState);
    updateEmptyState();
}

ActivityTab::~ActivityTab() = default;

void ActivityTab::setSession(const std::optional<Session> &session) {
    m_session = session;
    m_loaded = false;
    updateEmptyState();
}

void ActivityTab::setLoaded(bool loaded) {
    m_loaded = loaded;
    updateEmptyState();
}

QMenu *ActivityTab::contextMenu(const QModelIndex &proxyIndex) {
    if (!proxyIndex.isValid() || proxyIndex.model() != m_proxy)
        return nullptr;
    m_view->selectRow(proxyIndex.row());
    const AuditEntry entry = m_model->rowAt(m_proxy->mapToSource(proxyIndex).row());
    auto *menu = new QMenu(this);
    RowMenu::addCopy(menu, QStringLiteral("copyTarget"), tr("Copy &target"), entry.target);
    RowMenu::addCopy(menu, QStringLiteral("copyJson"), tr("Copy row as &JSON"),
                     Exporter::rowToJson(m_proxy, proxyIndex.row()));
    menu->addSeparator();
    QAction *byUser = menu->addAction(tr("&Filter by this user"));
    byUser->setObjectName(QStringLiteral("filterUser"));
    const QString user = entry.dbUser.isEmpty() ? entry.osUser : entry.dbUser;
    connect(byUser, &QAction::triggered, this, [this, user] { m_filter->setText(user); });
    QAction *byTarget = menu->addAction(tr("Filter by this t&arget"));
    byTarget->setObjectName(QStringLiteral("filterTarget"));
    connect(byTarget, &QAction::triggered, this,
            [this, target = entry.target] { m_filter->setText(target); });
    return menu;
}

bool ActivityTab::showsEmptyState() const {
    return m_stack->currentWidget() == m_empty;
}

void ActivityTab::updateEmptyState() {
    enum Kind { Rows, NotConnected, Loading, Filtered, Empty };
    const Kind kind = m_proxy->rowCount() > 0   ? Rows
                      : !m_session              ? NotConnected
                      : m_model->rowCount() > 0 ? Filtered
                      : !m_loaded               ? Loading
                                                : Empty;
    m_stack->setCurrentIndex(kind == Rows ? 0 : 1);
    if (kind == m_emptyKind)
        return;
    m_emptyKind = kind;
    switch (kind) {
    case Rows:
        break;
    case NotConnected:
        m_empty->setContent(tr("Not connected"),
                            tr("Connect to a database to see who swept, force-released or "
                               "signalled what, and when."));
        connect(m_empty->addButton(QStringLiteral("emptyConnect"), tr("Connect to a database…")),
                &QPushButton::clicked, this, &ActivityTab::connectRequested);
        break;
    case Loading:
        m_empty->setContent(tr("Reading the audit log…"), QString());
        break;
    case Filtered:
        m_empty->setContent(
            tr("No action matches the filter"),
            tr("%n recorded action(s) are hidden by the filter.", nullptr, m_model->rowCount()));
        connect(m_empty->addButton(QStringLiteral("emptyClearFilter"), tr("Clear the filter")),
                &QPushButton::clicked, m_filter, &QLineEdit::clear);
        break;
    case Empty:
        m_empty->setContent(tr("No admin action recorded yet"),
                            tr("When someone sweeps expired leases, force-releases one or "
                               "signals a backend — from LockScope or from lockctl — it is "
                               "recorded here with who, when and the outcome, refused attempts "
                               "too. Those actions are on the Leases and Advisory locks tabs."));
        connect(m_empty->addButton(QStringLiteral("emptyShowLeases"), tr("Show the leases")),
                &QPushButton::clicked, this, &ActivityTab::showLeasesRequested);
        break;
    }
}

} // namespace lockscope::ui
