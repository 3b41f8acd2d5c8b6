#include "locks/lockstab.h"

#include "base/duration.h"
#include "common/cachedtextdelegate.h"
#include "common/exporter.h"
#include "common/prompter.h"
#include "common/rowmenu.h"
#include "common/whenfinished.h"
#include "locks/blockingtreewidget.h"
#include "locks/locksrefresher.h"
#include "locks/lockstreemodel.h"
#include "locks/lockstreeview.h"
#include "locks/sessionactions.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QThreadPool>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace lockscope::ui {

LocksTab::LocksTab(QWidget *parent)
    : QWidget(parent)
    , m_model(new LocksTreeModel(this))
    , m_refresher(new LocksRefresher(m_model, this))
    , m_notice(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_cancel(new QPushButton(tr("Cancel queries…"), this))
    , m_terminate(new QPushButton(tr("Terminate sessions…"), this))
    , m_view(new LocksTreeView(this))
    , m_tree(new BlockingTreeWidget(this))
    , m_actions(new QThreadPool(this)) {
    m_actions->setMaxThreadCount(1);
    m_view->setObjectName(QStringLiteral("locksView"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true); // 100,000 rows under one session stay fast
    // Repainted after every refresh: the texts' layouts are kept between paints.
    m_view->setItemDelegate(new CachedTextDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LocksTab::updateActions);
    m_cancel->setObjectName(QStringLiteral("locksCancel"));
    m_terminate->setObjectName(QStringLiteral("locksTerminate"));
    connect(m_cancel, &QPushButton::clicked, this, [this] { signalSelected(false); });
    connect(m_terminate, &QPushButton::clicked, this, [this] { signalSelected(true); });
    RowMenu::attach(m_view, [this](const QModelIndex &index) { return contextMenu(index); });
    connect(this, &LocksTab::actionFinished, m_refresher, &LocksRefresher::refreshNow);
    m_view->setAlternatingRowColors(false);
    m_view->header()->setStretchLastSection(false);
    m_view->setColumnWidth(LocksTreeModel::Session, 190);
    m_view->setColumnWidth(LocksTreeModel::Mode, 170);
    m_view->setColumnWidth(LocksTreeModel::State, 140);
    m_view->setColumnWidth(LocksTreeModel::Wait, 110);
    m_view->setColumnWidth(LocksTreeModel::Target, 320);

    m_tree->setObjectName(QStringLiteral("locksBlockingTree"));
    m_tree->setUniformRowHeights(true); // one line each: no text laid out to size rows
    m_tree->setItemDelegate(new CachedTextDelegate(m_tree));
    m_tree->setColumnWidth(BlockingTreeWidget::Session, 170);
    m_tree->setColumnWidth(BlockingTreeWidget::WaitsFor, 300);
    m_tree->setColumnWidth(BlockingTreeWidget::Blocks, 60);
    m_tree->setColumnWidth(BlockingTreeWidget::State, 150);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem *item) { showSession(item->data(0, Qt::UserRole).toInt()); });

    m_notice->setObjectName(QStringLiteral("locksNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_summary->setObjectName(QStringLiteral("locksSummary"));
    connect(m_refresh, &QPushButton::clicked, m_refresher, &LocksRefresher::refreshNow);
    connect(m_refresher, &LocksRefresher::refreshed, this, &LocksTab::refreshed);
    connect(m_refresher, &LocksRefresher::failed, this, [this](const QString &message) {
        m_notice->setText(message);
        m_notice->show();
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_cancel);
    top->addWidget(m_terminate);
    top->addWidget(m_refresh);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_tree);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    m_summary->setText(tr("Not connected."));
    updateActions();
}

LocksTab::~LocksTab() = default;

void LocksTab::setSession(const std::optional<Session> &session) {
    m_session = session;
    m_tree->forget();
    if (session && !session->params.isPostgres()) {
        m_notice->setText(tr("Server locks exist only on PostgreSQL. This is a SQLite database; "
                             "its leases are on the Leases tab."));
        m_notice->show();
    } else {
        m_notice->hide();
    }
    m_summary->setText(session ? tr("Reading the server's locks…") : tr("Not connected."));
    m_refresher->setConnection(session ? std::optional<ConnectionParams>(session->params)
                                       : std::nullopt);
    updateActions();
}

void LocksTab::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    m_refresher->setActive(true);
}

void LocksTab::hideEvent(QHideEvent *event) {
    QWidget::hideEvent(event);
    m_refresher->setActive(false);
}

void LocksTab::refreshed() {
    if (m_session && m_session->params.isPostgres())
        m_notice->hide();
    const LocksResult &r = m_refresher->last();
    int waiting = 0;
    double longest = 0;
    for (const LockSessionEntry &e : m_model->sessions()) {
        if (e.session.waitingCount > 0) {
            ++waiting;
            longest = std::max(longest, e.session.longestWait);
        }
    }
    QString text = tr("%n locks", nullptr, r.lockCount) +
                   tr(" of %n sessions", nullptr, int(m_model->sessions().size()));
    text += waiting > 0 ? tr("; %n waiting, the longest for %1", nullptr, waiting)
                              .arg(Duration::formatRemaining(longest))
                        : tr("; nobody waits");
    if (!r.hasWaitStart)
        text += tr(" (* waits since the statement began: PostgreSQL before 14 does not record "
                   "when a wait started)");
    m_summary->setText(text + QLatin1Char('.'));
    m_view->viewport()->update(); // "held ≥" moved on with the database clock
    rebuildTree();
}

QTreeWidget *LocksTab::blockingTree() const {
    return m_tree;
}

void LocksTab::rebuildTree() {
    m_tree->showTree(m_refresher->last().blockingTree, [this](int pid) -> const LockSessionEntry * {
        const QModelIndex index = m_model->indexOfPid(pid);
        return index.isValid() ? &m_model->sessions().at(index.row()) : nullptr;
    });
}

void LocksTab::showSession(int pid) {
    const QModelIndex index = m_model->indexOfPid(pid);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

namespace {

// What a cell holds for copying: the exact text where the model keeps one
// (ExportRole), else what it shows.
QString cellText(const QModelIndex &cell) {
    const QVariant exact = cell.data(Exporter::ExportRole);
    return (exact.isValid() ? exact : cell.data(Qt::DisplayRole)).toString();
}

} // namespace

QMenu *LocksTab::contextMenu(const QModelIndex &index) {
    if (!index.isValid() || index.model() != m_model)
        return nullptr;
    // A right-click inside the selection acts on all of it (several sessions
    // at once); outside it, on the row clicked.
    if (!m_view->selectionModel()->isRowSelected(index.row(), index.parent()))
        m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    const QModelIndex sessionIndex = index.parent().isValid() ? index.parent() : index;
    if (sessionIndex.row() >= m_model->sessions().size())
        return nullptr;
    const ServerSession &session = m_model->sessions().at(sessionIndex.row()).session;
    auto *menu = new QMenu(this);
    RowMenu::addCopy(menu, QStringLiteral("copyPid"), tr("Copy &PID"),
                     QString::number(session.pid));
    RowMenu::addCopy(menu, QStringLiteral("copyApplication"), tr("Copy &application"),
                     session.application);
    RowMenu::addCopy(menu, QStringLiteral("copyQuery"), tr("Copy last &query"), session.query);
    if (index.parent().isValid()) {
        RowMenu::addCopy(menu, QStringLiteral("copyTarget"), tr("Copy what is &locked"),
                         cellText(index.siblingAtColumn(LocksTreeModel::Target)));
    }
    // The row as the view shows it, column by column (exact text, not escaped).
    QJsonObject row;
    for (int column = 0; column < LocksTreeModel::ColumnCount; ++column) {
        const QString name =
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        row.insert(name, cellText(index.siblingAtColumn(column)));
    }
    RowMenu::addCopy(menu, QStringLiteral("copyJson"), tr("Copy row as &JSON"),
                     QString::fromUtf8(QJsonDocument(row).toJson(QJsonDocument::Compact)));
    menu->addSeparator();
    for (const bool terminate : {false, true}) {
        QPushButton *button = terminate ? m_terminate : m_cancel;
        QAction *action = menu->addAction(button->text());
        action->setObjectName(terminate ? QStringLiteral("menuTerminate")
                                        : QStringLiteral("menuCancel"));
        action->setEnabled(button->isEnabled());
        action->setToolTip(button->toolTip()); // a disabled action says why
        connect(action, &QAction::triggered, this,
                [this, terminate] { signalSelected(terminate); });
    }
    return menu;
}

QList<ServerSession> LocksTab::selectedSessions() const {
    QList<ServerSession> out;
    QList<int> seen;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows()) {
        const QModelIndex session = row.parent().isValid() ? row.parent() : row;
        if (!session.isValid() || session.row() >= m_model->sessions().size())
            continue;
        const ServerSession &s = m_model->sessions().at(session.row()).session;
        if (!seen.contains(s.pid)) {
            seen << s.pid;
            out << s;
        }
    }
    std::sort(out.begin(), out.end(),
              [](const ServerSession &a, const ServerSession &b) { return a.pid < b.pid; });
    return out;
}

void LocksTab::updateActions() {
    const bool may = m_session && m_session->canSignalBackends();
    const bool selected = !SessionActions::signallable(selectedSessions()).isEmpty();
    const QString why = !m_session ? tr("Not connected.")
                        : may      ? QString()
                                   : m_session->backendReason();
    for (QPushButton *b : {m_cancel, m_terminate}) {
        b->setEnabled(may && selected && !m_busy);
        b->setToolTip(may ? (selected ? QString()
                                      : tr("Select one or more sessions first (Ctrl or Shift "
                                           "for several)."))
                          : why);
    }
}

void LocksTab::signalSelected(bool terminate) {
    const QList<ServerSession> sessions = SessionActions::signallable(selectedSessions());
    if (!m_session || !m_session->canSignalBackends() || sessions.isEmpty() || m_busy)
        return;
    const QString what = terminate ? tr("Terminate sessions") : tr("Cancel queries");
    if (!Prompter::instance()->confirm(this, what,
                                       SessionActions::confirmation(sessions, terminate)))
        return;
    QList<int> pids;
    for (const ServerSession &s : sessions)
        pids << s.pid;
    m_busy = true;
    updateActions();
    const ConnectionParams params = m_session->params;
    whenFinished(QtConcurrent::run(m_actions,
                                   [params, pids, terminate] {
                                       return SessionActions::run(params, pids, terminate);
                                   }),
                 this, [this, what](const QString &outcome) {
                     m_busy = false;
                     updateActions();
                     Q_EMIT actionFinished(outcome);
                     Prompter::instance()->inform(this, what, outcome);
                 });
}

} // namespace lockscope::ui
