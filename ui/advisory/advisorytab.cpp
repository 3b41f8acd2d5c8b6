#include "advisory/advisorytab.h"

#include "admin/backendactions.h"
#include "advisory/advisoryfilterproxy.h"
#include "advisory/advisorytablemodel.h"
#include "common/emptystate.h"
#include "common/exporter.h"
#include "common/prompter.h"
#include "common/rowmenu.h"
#include "common/statecolors.h"
#include "common/whenfinished.h"
#include "inspector/inspectorrefresher.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QThreadPool>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lockscope::ui {

AdvisoryTab::AdvisoryTab(AdvisoryTableModel *model, InspectorRefresher *refresher,
                         QThreadPool *pool, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_refresher(refresher)
    , m_pool(pool)
    , m_proxy(new AdvisoryFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_notice(new QLabel(this))
    , m_thisDatabase(new QCheckBox(tr("Only this database"), this))
    , m_view(new QTableView(this))
    , m_tree(new QTreeWidget(this))
    , m_cancel(new QPushButton(tr("Cancel query…"), this))
    , m_terminate(new QPushButton(tr("Terminate backend…"), this))
    , m_cancelAction(new QAction(tr("&Cancel query of the selected session…"), this))
    , m_terminateAction(new QAction(tr("&Terminate the selected session…"), this))
    , m_empty(new EmptyState(this))
    , m_stack(new QStackedWidget(this)) {
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("advisoryView"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AdvisoryTableModel::Granted, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(AdvisoryTableModel::Key, 190);
    m_view->setColumnWidth(AdvisoryTableModel::Granted, 100);

    m_tree->setObjectName(QStringLiteral("blockingTree"));
    m_tree->setHeaderLabels({tr("Session (who blocks whom)"), tr("Locks"), tr("Application")});
    m_tree->setColumnWidth(0, 280);

    m_thisDatabase->setObjectName(QStringLiteral("thisDatabaseOnly"));
    m_thisDatabase->setToolTip(tr("Advisory lock keys belong to one database and only block "
                                  "sessions of that database. Unticked: every database on the "
                                  "server."));
    m_filter->setObjectName(QStringLiteral("advisoryFilter"));
    m_filter->setPlaceholderText(tr("Filter by key, PID, application, user, client or query"));
    m_filter->setToolTip(tr("Narrows the table to the locks whose key, PID, mode, application, "
                            "user, client, state or query contains this text (any case). The "
                            "tree below keeps every session, so a blocker stays in view."));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateEmptyState();
    });
    connect(m_thisDatabase, &QCheckBox::toggled, this, [this] {
        applyDatabaseFilter();
        rebuildTree();
        updateEmptyState();
    });

    m_notice->setWordWrap(true);
    m_notice->setObjectName(QStringLiteral("advisoryNotice"));
    m_notice->hide();

    connect(m_cancelAction, &QAction::triggered, this, [this] { signalSelected(false); });
    connect(m_terminateAction, &QAction::triggered, this, [this] { signalSelected(true); });
    connect(m_cancel, &QPushButton::clicked, m_cancelAction, &QAction::trigger);
    connect(m_terminate, &QPushButton::clicked, m_terminateAction, &QAction::trigger);
    RowMenu::attach(m_view, [this](const QModelIndex &index) { return contextMenu(index); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AdvisoryTab::updateActions);
    connect(m_refresher, &InspectorRefresher::refreshed, this, &AdvisoryTab::refreshed);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_thisDatabase);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Waiting sessions are highlighted. The tree puts the root "
                                     "blockers first."),
                                  this),
                       1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_terminate);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("advisorySplitter"));
    split->addWidget(m_view);
    split->addWidget(m_tree);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addLayout(filters);
    layout->addLayout(buttons);
    m_stack->addWidget(split);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &AdvisoryTab::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AdvisoryTab::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &AdvisoryTab::updateEmptyState);
    updateActions();
    updateEmptyState();
}

QMenu *AdvisoryTab::contextMenu(const QModelIndex &proxyIndex) {
    if (!proxyIndex.isValid() || proxyIndex.model() != m_proxy)
        return nullptr;
    m_view->selectRow(proxyIndex.row()); // the actions act on what was clicked
    const AdvisoryLockRow row = m_model->rowAt(m_proxy->mapToSource(proxyIndex).row());
    auto *menu = new QMenu(this);
    RowMenu::addCopy(menu, QStringLiteral("copyKey"), tr("Copy &key"), row.keyDisplay());
    RowMenu::addCopy(menu, QStringLiteral("copyPid"), tr("Copy &PID"), QString::number(row.pid));
    RowMenu::addCopy(menu, QStringLiteral("copyApplication"), tr("Copy &application"),
                     row.application);
    RowMenu::addCopy(menu, QStringLiteral("copyJson"), tr("Copy row as &JSON"),
                     Exporter::rowToJson(m_proxy, proxyIndex.row()));
    menu->addSeparator();
    QAction *byApplication = menu->addAction(tr("&Filter by this application"));
    byApplication->setObjectName(QStringLiteral("filterApplication"));
    byApplication->setEnabled(!row.application.isEmpty());
    connect(byApplication, &QAction::triggered, this,
            [this, application = row.application] { m_filter->setText(application); });
    menu->addSeparator();
    menu->addAction(m_cancelAction);
    menu->addAction(m_terminateAction);
    return menu;
}

bool AdvisoryTab::showsEmptyState() const {
    return m_stack->currentWidget() == m_empty;
}

void AdvisoryTab::updateEmptyState() {
    enum Kind { Rows, NotConnected, Sqlite, Loading, Filtered, OtherDatabases, Empty };
    const bool typed = !m_proxy->filterText().isEmpty();
    const Kind kind = m_proxy->rowCount() > 0            ? Rows
                      : !m_session                       ? NotConnected
                      : m_session->params.isSqlite()     ? Sqlite
                      : typed && m_model->rowCount() > 0 ? Filtered
                      : m_model->rowCount() > 0          ? OtherDatabases
                      : !m_loaded                        ? Loading
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
                            tr("Connect to a PostgreSQL database to see every advisory lock that "
                               "a session holds or waits for, and who blocks whom."));
        connect(m_empty->addButton(QStringLiteral("emptyConnect"), tr("Connect to a database…")),
                &QPushButton::clicked, this, &AdvisoryTab::connectRequested);
        break;
    case Sqlite:
        m_empty->setContent(tr("Advisory locks exist only on PostgreSQL"),
                            tr("This is a SQLite database, so there are none to show; its leases "
                               "are on the Leases tab."));
        break;
    case Loading:
        m_empty->setContent(tr("Reading the advisory locks…"), QString());
        break;
    case Filtered:
        m_empty->setContent(tr("No advisory lock matches the filter"),
                            tr("%n advisory lock(s) held or awaited on this server are hidden by "
                               "the filter.",
                               nullptr, m_model->rowCount()));
        connect(m_empty->addButton(QStringLiteral("emptyClearFilter"), tr("Clear the filter")),
                &QPushButton::clicked, m_filter, &QLineEdit::clear);
        break;
    case OtherDatabases:
        m_empty->setContent(tr("No advisory lock in this database"),
                            tr("%n advisory lock(s) are held or awaited in other databases of "
                               "this server.",
                               nullptr, m_model->rowCount()));
        connect(m_empty->addButton(QStringLiteral("emptyAllDatabases"), tr("Show every database")),
                &QPushButton::clicked, this, [this] { m_thisDatabase->setChecked(false); });
        break;
    case Empty: {
        const QString command = QStringLiteral("lockctl --db '%1' advisory-lock 42 --hold 60s")
                                    .arg(m_session->params.displayUrl());
        m_empty->setContent(
            tr("No advisory lock is held or awaited"),
            tr("Sessions take advisory locks with pg_advisory_lock(key) and friends; while one "
               "holds a key, the others that ask for it wait, and this tab shows who blocks "
               "whom. To hold one by hand, run:\n\n%1")
                .arg(command));
        connect(m_empty->addButton(QStringLiteral("emptyCopyCommand"), tr("Copy the command")),
                &QPushButton::clicked, this,
                [command] { QApplication::clipboard()->setText(command); });
        connect(
            m_empty->addButton(QStringLiteral("emptyAdvisoryLoad"), tr("Set up an advisory load")),
            &QPushButton::clicked, this, &AdvisoryTab::advisoryLoadRequested);
        break;
    }
    }
}

AdvisoryTab::~AdvisoryTab() = default;

void AdvisoryTab::setSession(const std::optional<Session> &session) {
    m_session = session;
    m_loaded = false;
    m_tree->clear();
    m_notice->hide(); // on SQLite the empty state says why there is nothing here
    applyDatabaseFilter();
    updateActions();
    updateEmptyState();
}

QSortFilterProxyModel *AdvisoryTab::proxy() const {
    return m_proxy;
}

void AdvisoryTab::applyDatabaseFilter() {
    const bool only = m_thisDatabase->isChecked() && m_session && m_session->params.isPostgres();
    m_proxy->setDatabase(only ? m_session->params.database : QString());
}

void AdvisoryTab::refreshed() {
    if (!m_loaded && m_session) {
        m_loaded = true;
        updateEmptyState();
    }
    if (!m_refresher->advisoryError().isEmpty()) {
        m_notice->setText(m_refresher->advisoryError());
        m_notice->show();
    } else if (m_session && m_session->params.isPostgres()) {
        m_notice->hide();
    }
    rebuildTree();
}

void AdvisoryTab::rebuildTree() {
    const QList<AdvisoryLockRow> &rows = m_model->rows();
    std::function<QTreeWidgetItem *(const BlockingNode &)> build = [&](const BlockingNode &node) {
        QStringList locks;
        QString application;
        bool waiting = false;
        for (int i : node.rows) {
            if (i < 0 || i >= rows.size())
                continue;
            const AdvisoryLockRow &r = rows.at(i);
            locks << (r.granted ? tr("holds %1") : tr("waits for %1")).arg(r.keyDisplay());
            application = r.application;
            waiting = waiting || !r.granted;
        }
        auto *item =
            new QTreeWidgetItem({tr("pid %1%2")
                                     .arg(node.pid)
                                     .arg(node.blocked.isEmpty() ? QString()
                                                                 : tr(" — blocks %n", nullptr,
                                                                      int(node.blocked.size()))),
                                 locks.join(QStringLiteral("; ")), application});
        item->setData(0, Qt::UserRole, node.pid);
        if (waiting)
            item->setBackground(0, StateColors::background(StateColors::Tone::Warning));
        for (const BlockingNode &child : node.blocked)
            item->addChild(build(child));
        return item;
    };
    m_tree->setUpdatesEnabled(false);
    m_tree->clear();
    const bool only = m_thisDatabase->isChecked() && m_session && m_session->params.isPostgres();
    for (const BlockingNode &node : m_refresher->blockingTree()) {
        // A session belongs to one database, and so does everything it blocks.
        if (only && !node.rows.isEmpty() && node.rows.first() >= 0 &&
            node.rows.first() < rows.size() &&
            rows.at(node.rows.first()).database != m_session->params.database)
            continue;
        m_tree->addTopLevelItem(build(node));
    }
    m_tree->expandAll();
    m_tree->setUpdatesEnabled(true);
}

int AdvisoryTab::selectedPid(QString *application) const {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    const QModelIndex source = m_proxy->mapToSource(rows.first());
    const AdvisoryLockRow &row = m_model->rowAt(source.row());
    if (application)
        *application = row.application;
    return row.pid;
}

void AdvisoryTab::updateActions() {
    const bool may = m_session && m_session->canSignalBackends();
    const bool selected = m_view->selectionModel()->hasSelection();
    const QString why = !m_session ? tr("Not connected.")
                        : may      ? QString()
                                   : m_session->backendReason();
    for (QPushButton *b : {m_cancel, m_terminate}) {
        b->setEnabled(may && selected && !m_busy);
        b->setToolTip(may ? (selected ? QString() : tr("Select a session in the table first."))
                          : why);
    }
    m_cancelAction->setEnabled(m_cancel->isEnabled());
    m_cancelAction->setToolTip(m_cancel->toolTip());
    m_terminateAction->setEnabled(m_terminate->isEnabled());
    m_terminateAction->setToolTip(m_terminate->toolTip());
}

void AdvisoryTab::signalSelected(bool terminate) {
    QString application;
    const int pid = selectedPid(&application);
    if (!m_session || !m_session->canSignalBackends() || pid == 0 || m_busy)
        return;
    const QString what = terminate ? tr("Terminate backend") : tr("Cancel query");
    const QString text =
        terminate ? tr("End the session of backend %1 (application '%2')? Its session advisory "
                       "locks are released and its open transaction rolls back.")
                        .arg(pid)
                        .arg(application)
                  : tr("Cancel the running statement of backend %1 (application '%2')?")
                        .arg(pid)
                        .arg(application);
    if (!Prompter::instance()->confirm(this, what, text))
        return;
    m_busy = true;
    updateActions();
    const ConnectionParams params = m_session->params;
    whenFinished(
        QtConcurrent::run(
            m_pool,
            [params, pid, terminate] {
                auto sent =
                    terminate
                        ? BackendActions::terminateBackend(params, pid, QStringLiteral("lockscope"))
                        : BackendActions::cancelBackend(params, pid, QStringLiteral("lockscope"));
                if (!sent.ok())
                    return sent.error().message;
                return sent.value() ? QObject::tr("Backend %1 signalled.").arg(pid)
                                    : QObject::tr("Backend %1 had already ended.").arg(pid);
            }),
        this, [this, what](const QString &outcome) {
            m_busy = false;
            updateActions();
            Q_EMIT actionFinished(outcome);
            Prompter::instance()->inform(this, what, outcome);
        });
}

} // namespace lockscope::ui
