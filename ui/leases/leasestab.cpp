#include "leases/leasestab.h"

#include "admin/adminactions.h"
#include "base/canceltoken.h"
#include "base/duration.h"
#include "base/visibletext.h"
#include "common/emptystate.h"
#include "common/exporter.h"
#include "common/prompter.h"
#include "common/rowmenu.h"
#include "common/whenfinished.h"
#include "lease/redisscope.h"
#include "leases/leasetablemodel.h"
#include "leases/sharedlockspanel.h"
#include "leases/sharedlocktreemodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace lockscope::ui {

namespace {

struct Shown {
    QString key;
    QString token;
    QString owner;
    double remaining = 0;
    QString invalidExpiry; // what another program stored instead of a time, else empty
    bool noTtl = false;    // Redis: a key without TTL
};

QString remainingText(const Shown &s) {
    if (s.noTtl)
        return QObject::tr("no TTL, never expires");
    if (!s.invalidExpiry.isEmpty())
        return QObject::tr("invalid expiry (%1), never expires")
            .arg(VisibleText::forDisplay(s.invalidExpiry));
    return s.remaining > 0 ? QObject::tr("%1 left").arg(Duration::formatRemaining(s.remaining))
                           : QObject::tr("expired %1").arg(Duration::formatRemaining(s.remaining));
}

} // namespace

LeasesTab::LeasesTab(LeaseTableModel *model, QThreadPool *pool, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_pool(pool)
    , m_view(new QTableView(this))
    , m_empty(new EmptyState(this))
    , m_stack(new QStackedWidget(this))
    , m_filter(new QLineEdit(this))
    , m_state(new QComboBox(this))
    , m_scope(new QLabel(this))
    , m_unreadable(new QLabel(this))
    , m_sweepButton(new QPushButton(tr("Sweep expired…"), this))
    , m_releaseButton(new QPushButton(tr("Force release…"), this))
    , m_sweep(new QAction(tr("&Sweep expired leases…"), this))
    , m_forceRelease(new QAction(tr("&Force release selected…"), this))
    , m_copy(new QAction(tr("Copy selected rows as JSON"), this))
    , m_countdown(new QTimer(this))
    , m_sharedPanel(new SharedLocksPanel(pool, this)) {
    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("leaseView"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(LeaseTableModel::Key, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(LeaseTableModel::Key, 260);
    m_view->setColumnWidth(LeaseTableModel::Owner, 200);
    m_view->setColumnWidth(LeaseTableModel::State, 100);
    m_view->setColumnWidth(LeaseTableModel::Remaining, 150);
    m_view->setColumnWidth(LeaseTableModel::ExpiresAt, 160);
    m_view->setColumnWidth(LeaseTableModel::AcquiredAt, 160);
    m_view->setWordWrap(false);

    m_filter->setObjectName(QStringLiteral("leaseFilter"));
    m_filter->setPlaceholderText(tr("Filter by key, owner or token (glob: jobs/*)   Ctrl+F"));
    m_filter->setClearButtonEnabled(true);
    m_state->addItems({tr("All leases"), tr("Held"), tr("Expired")});
    connect(m_filter, &QLineEdit::textChanged, m_model, &LeaseTableModel::setFilterText);
    connect(m_state, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_model->setStateFilter(LeaseViewSpec::StateFilter(index)); });

    m_forceRelease->setObjectName(QStringLiteral("forceRelease"));
    m_forceRelease->setShortcut(QKeySequence::Delete);
    m_forceRelease->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_forceRelease);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_copy);
    connect(m_copy, &QAction::triggered, this, [this] {
        QStringList rows;
        for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
            rows << Exporter::rowToJson(m_model, index.row());
        if (!rows.isEmpty())
            QApplication::clipboard()->setText(rows.join(QLatin1Char('\n')));
    });
    RowMenu::attach(m_view, [this](const QModelIndex &index) { return contextMenu(index); });
    connect(m_sweep, &QAction::triggered, this, &LeasesTab::sweepExpired);
    connect(m_forceRelease, &QAction::triggered, this, &LeasesTab::forceReleaseSelected);
    connect(m_sweepButton, &QPushButton::clicked, m_sweep, &QAction::trigger);
    connect(m_releaseButton, &QPushButton::clicked, m_forceRelease, &QAction::trigger);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LeasesTab::updateActions);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_state);
    top->addWidget(m_sweepButton);
    top->addWidget(m_releaseButton);
    m_scope->setObjectName(QStringLiteral("redisScope"));
    m_scope->setWordWrap(true);
    m_scope->hide();
    // A role that may read the leases but not their fences: the leases are
    // shown without them, and this says which GRANT would show them.
    m_unreadable->setObjectName(QStringLiteral("leasesUnreadable"));
    m_unreadable->setWordWrap(true);
    m_unreadable->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_unreadable->hide();
    connect(m_model, &LeaseTableModel::unreadableReasonChanged, this, [this](const QString &why) {
        m_unreadable->setText(why);
        m_unreadable->setVisible(!why.isEmpty());
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_scope);
    layout->addWidget(m_unreadable);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_sharedPanel);
    connect(m_sharedPanel, &SharedLocksPanel::actionFinished, this, &LeasesTab::actionFinished);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &LeasesTab::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LeasesTab::updateEmptyState);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &LeasesTab::updateEmptyState);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_sharedPanel->model(), signal, this, &LeasesTab::updateEmptyState);
    connect(m_sharedPanel->model(), &QAbstractItemModel::modelReset, this,
            &LeasesTab::updateEmptyState);

    // The countdown: several times a second, only the rows on screen.
    m_countdown->setInterval(250);
    connect(m_countdown, &QTimer::timeout, this, &LeasesTab::tickCountdown);
    m_countdown->start();
    updateActions();
    updateEmptyState();
}

LeasesTab::~LeasesTab() = default;

void LeasesTab::setSession(const std::optional<Session> &session) {
    m_session = session;
    m_sharedPanel->setSession(session);
    // What a Redis connection reads is the user's choice (prefix, match): say it.
    const bool redis = session && session->params.isRedis();
    m_scope->setVisible(redis);
    m_scope->setText(redis ? RedisScope::of(session->params).describe(session->params) : QString());
    m_loaded = false;
    updateActions();
    updateEmptyState();
}

void LeasesTab::setLoaded(bool loaded) {
    m_loaded = loaded;
    updateEmptyState();
}

bool LeasesTab::showsEmptyState() const {
    return m_stack->currentWidget() == m_empty;
}

QMenu *LeasesTab::contextMenu(const QModelIndex &index) {
    if (!index.isValid() || index.model() != m_model)
        return nullptr;
    const int row = index.row();
    // The actions act on what was clicked: select it unless it is part of the selection.
    if (!m_view->selectionModel()->isRowSelected(row, QModelIndex()))
        m_view->selectRow(row);
    const LeaseRow lease = m_model->rowAt(row);
    const QString owner = lease.owner.isEmpty() ? lease.token : lease.owner;
    auto *menu = new QMenu(this);
    RowMenu::addCopy(menu, QStringLiteral("copyKey"), tr("Copy &key"), lease.key);
    RowMenu::addCopy(menu, QStringLiteral("copyToken"), tr("Copy &token"), lease.token);
    RowMenu::addCopy(menu, QStringLiteral("copyOwner"), tr("Copy &owner"), owner);
    RowMenu::addCopy(menu, QStringLiteral("copyJson"), tr("Copy row as &JSON"),
                     Exporter::rowToJson(m_model, row));
    menu->addSeparator();
    QAction *byOwner = menu->addAction(tr("&Filter by this owner"));
    byOwner->setObjectName(QStringLiteral("filterOwner"));
    connect(byOwner, &QAction::triggered, this, [this, owner] { m_filter->setText(owner); });
    menu->addSeparator();
    menu->addAction(m_forceRelease);
    menu->addAction(m_sweep);
    return menu;
}

void LeasesTab::updateEmptyState() {
    enum Kind { Rows, NotConnected, Loading, Filtered, Embedded, Server, SharedOnly };
    const Kind kind = m_model->rowCount() > 0                  ? Rows
                      : !m_session                             ? NotConnected
                      : m_model->totalCount() > 0              ? Filtered
                      : !m_loaded                              ? Loading
                      : m_sharedPanel->model()->rowCount() > 0 ? SharedOnly
                      : m_session->isEmbedded()                ? Embedded
                                                               : Server;
    m_stack->setCurrentWidget(kind == Rows ? static_cast<QWidget *>(m_view) : m_empty);
    // "N leases are hidden" follows the rows behind the filter (every refresh
    // calls this through setLoaded), though no row is shown or removed.
    const int hidden = kind == Filtered ? m_model->totalCount() : -1;
    if (kind == m_emptyKind && hidden == m_emptyHidden)
        return;
    m_emptyKind = kind;
    m_emptyHidden = hidden;
    switch (kind) {
    case Rows:
        break;
    case NotConnected:
        m_empty->setContent(
            tr("Not connected"),
            tr("Connect to a PostgreSQL, SQLite or Redis database to see its leases: "
               "who holds which key, until when by the database's clock, and "
               "which expired without being released."));
        connect(m_empty->addButton(QStringLiteral("emptyConnect"), tr("Connect to a database…")),
                &QPushButton::clicked, this, &LeasesTab::connectRequested);
        break;
    case Loading:
        m_empty->setContent(tr("Reading the leases…"), QString());
        break;
    case Filtered:
        m_empty->setContent(tr("No lease matches the filter"),
                            tr("%n lease(s) are hidden by the filter or the state chosen above.",
                               nullptr, m_model->totalCount()));
        connect(m_empty->addButton(QStringLiteral("emptyClearFilter"), tr("Clear the filter")),
                &QPushButton::clicked, this, [this] {
                    m_filter->clear();
                    m_state->setCurrentIndex(0);
                });
        break;
    case Embedded:
        m_empty->setContent(
            tr("No leases yet"),
            tr("This is LockScope's own SQLite database, where nothing runs until you start "
               "something. A demo load lets a few threads fight over three keys for a few "
               "seconds: you see leases appear here, count down and pass from owner to owner, "
               "then what happens to the same work without a lock."));
        connect(m_empty->addButton(QStringLiteral("emptyDemo"), tr("Start a demo load")),
                &QPushButton::clicked, this, &LeasesTab::demoRequested);
        connect(m_empty->addButton(QStringLiteral("emptyConnect"), tr("Connect to a database…")),
                &QPushButton::clicked, this, &LeasesTab::connectRequested);
        break;
    case SharedOnly:
        // Not "no locks here" above a panel full of them.
        m_empty->setContent(tr("No plain leases"),
                            tr("What is held here are the semaphores and reader-writer leases "
                               "below. Expand a key to see its holders; release one of them "
                               "with Release holder."));
        break;
    case Server: {
        const QString command =
            QStringLiteral("lockctl --db '%1' acquire jobs/nightly --ttl 1m --hold 30s")
                .arg(m_session->params.displayUrl());
        if (m_session->params.isRedis()) {
            m_empty->setContent(
                tr("No locks on this Redis server"),
                tr("A Redis lock is a key set with SET key token NX PX ttl by one program until "
                   "it deletes it or its TTL runs out by the server's clock. %1 To make one "
                   "by hand, run:\n\n%2")
                    .arg(RedisScope::of(m_session->params).describe(m_session->params), command));
            connect(m_empty->addButton(QStringLiteral("emptyCopyCommand"), tr("Copy the command")),
                    &QPushButton::clicked, this,
                    [command] { QApplication::clipboard()->setText(command); });
            break;
        }
        m_empty->setContent(
            tr("No leases in this database"),
            tr("A lease is a row of the aggregate_locks table that one program holds on a key "
               "until it releases it or "
               "its time runs out by the database's clock. Programs that use the lease library "
               "(or lockctl) make them; to make one by hand, run:\n\n%1")
                .arg(command));
        connect(m_empty->addButton(QStringLiteral("emptyCopyCommand"), tr("Copy the command")),
                &QPushButton::clicked, this,
                [command] { QApplication::clipboard()->setText(command); });
        connect(m_empty->addButton(QStringLiteral("emptyDemo"), tr("Start a demo load…")),
                &QPushButton::clicked, this, &LeasesTab::demoRequested);
        break;
    }
    }
}

void LeasesTab::focusFilter() {
    m_filter->setFocus();
    m_filter->selectAll();
}

void LeasesTab::tickCountdown() {
    if (m_model->rowCount() == 0 || !isVisible())
        return;
    const int first = std::max(0, m_view->rowAt(0));
    int last = m_view->rowAt(m_view->viewport()->height() - 1);
    if (last < 0)
        last = m_model->rowCount() - 1;
    m_model->tick(first, last);
}

void LeasesTab::updateActions() {
    const bool connected = m_session.has_value();
    const bool may = connected && m_session->canReleaseLeases();
    const QString why = !connected ? tr("Not connected.")
                        : may      ? QString()
                                   : m_session->leaseReason();
    const bool selected = m_view->selectionModel()->hasSelection();
    // Redis deletes an expired key itself: there is nothing to sweep.
    const bool redis = connected && m_session->params.isRedis();
    m_sweep->setEnabled(may && !redis && !m_busy);
    m_forceRelease->setEnabled(may && !m_busy && selected);
    m_sweepButton->setEnabled(m_sweep->isEnabled());
    m_releaseButton->setEnabled(m_forceRelease->isEnabled());
    m_sweepButton->setToolTip(redis ? tr("Nothing to sweep: Redis removes a key itself when its "
                                         "TTL runs out.")
                              : may ? tr("Delete every expired lease, in batches.")
                                    : why);
    m_releaseButton->setToolTip(may ? tr("Release the selected leases if they still carry the "
                                         "token shown (Del).")
                                    : why);
    m_sweep->setToolTip(m_sweepButton->toolTip());
    m_forceRelease->setToolTip(m_releaseButton->toolTip());
}

void LeasesTab::sweepExpired() {
    if (!m_session || !m_session->canReleaseLeases() || m_busy)
        return;
    const ConnectionParams params = m_session->params;
    m_busy = true;
    updateActions();
    // First the count (a dry run), then the question, then the sweep.
    whenFinished(
        QtConcurrent::run(m_pool,
                          [params] {
                              return AdminActions::sweep(params, 1000, true,
                                                         QStringLiteral("lockscope"));
                          }),
        this, [this, params](const Result<SweepResult> &dry) {
            if (!dry.ok()) {
                m_busy = false;
                updateActions();
                Prompter::instance()->inform(this, tr("Sweep"), dry.error().message);
                return;
            }
            if (dry->count == 0) {
                m_busy = false;
                updateActions();
                Prompter::instance()->inform(this, tr("Sweep"), tr("No lease has expired."));
                return;
            }
            if (!Prompter::instance()->confirm(
                    this, tr("Sweep expired leases"),
                    tr("%n expired lease(s) will be deleted from %1.", nullptr, int(dry->count))
                        .arg(params.displayUrl()))) {
                m_busy = false;
                updateActions();
                return;
            }
            auto cancel = std::make_shared<CancelToken>();
            auto *progress = new QProgressDialog(tr("Sweeping expired leases…"), tr("Cancel"), 0,
                                                 int(dry->count), this);
            progress->setWindowModality(Qt::WindowModal);
            progress->setMinimumDuration(500);
            connect(progress, &QProgressDialog::canceled, this, [cancel] { cancel->cancel(); });
            QPointer<QProgressDialog> guard(progress);
            whenFinished(
                QtConcurrent::run(m_pool,
                                  [params, cancel, guard] {
                                      return AdminActions::sweep(
                                          params, 1000, false, QStringLiteral("lockscope"),
                                          cancel.get(), [guard](qint64 n) {
                                              QMetaObject::invokeMethod(
                                                  guard,
                                                  [guard, n] {
                                                      if (guard)
                                                          guard->setValue(int(n));
                                                  },
                                                  Qt::QueuedConnection);
                                          });
                                  }),
                this, [this, progress](const Result<SweepResult> &done) {
                    progress->deleteLater();
                    m_busy = false;
                    updateActions();
                    const QString text =
                        !done.ok()        ? done.error().message
                        : done->cancelled ? tr("Cancelled after removing %n expired lease(s).",
                                               nullptr, int(done->count))
                        : done->skipped > 0
                            ? tr("Removed %n expired lease(s).", nullptr, int(done->count)) +
                                  QLatin1Char(' ') +
                                  tr("Skipped %n locked by another transaction; sweep "
                                     "again later.",
                                     nullptr, int(done->skipped))
                            : tr("Removed %n expired lease(s).", nullptr, int(done->count));
                    Q_EMIT actionFinished(text);
                    Prompter::instance()->inform(this, tr("Sweep"), text);
                });
        });
}

void LeasesTab::forceReleaseSelected() {
    if (!m_session || !m_session->canReleaseLeases() || m_busy)
        return;
    QList<Shown> shown;
    QStringList notLeases; // Redis keys of other types: listed, never released
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const LeaseRow &row = m_model->rowAt(index.row());
        if (row.isRedisOtherType()) {
            notLeases << tr("%1 (a %2)").arg(VisibleText::forDisplay(row.key), row.redisType);
            continue;
        }
        shown.append({row.key, row.token, row.owner.isEmpty() ? row.token : row.owner,
                      row.expiresAt - m_model->databaseNow(), row.invalidExpiry(),
                      row.isRedisNoExpiry()});
    }
    if (shown.isEmpty()) {
        if (!notLeases.isEmpty())
            Prompter::instance()->inform(
                this, tr("Force release"),
                tr("Not released: %1 is not a string lease. LockScope releases only string "
                   "leases; delete other keys with redis-cli if you are sure.")
                    .arg(notLeases.join(QStringLiteral(", "))));
        return;
    }
    QStringList lines;
    for (const Shown &s : std::as_const(shown))
        lines << tr("• %1 — owner %2, %3")
                     .arg(VisibleText::forDisplay(s.key), VisibleText::forDisplay(s.owner),
                          remainingText(s));
    if (!Prompter::instance()->confirm(
            this, tr("Force release"),
            tr("Release these leases? Each is released only if it still carries the token "
               "shown here; one re-acquired since is left alone.\n\n%1")
                    .arg(lines.join(QLatin1Char('\n'))) +
                (notLeases.isEmpty()
                     ? QString()
                     : QStringLiteral("\n\n") + tr("Left alone (not string leases): %1")
                                                    .arg(notLeases.join(QStringLiteral(", "))))))
        return;
    const ConnectionParams params = m_session->params;
    m_busy = true;
    updateActions();
    whenFinished(
        QtConcurrent::run(
            m_pool,
            [params, shown] {
                QStringList outcome;
                for (const Shown &s : shown) {
                    auto r = AdminActions::forceRelease(params, s.key, s.token,
                                                        QStringLiteral("lockscope"));
                    const QString key = VisibleText::forDisplay(s.key);
                    if (!r.ok())
                        outcome << QObject::tr("%1: %2").arg(key, r.error().message);
                    else if (r->outcome == ReleaseOutcome::Released)
                        outcome << QObject::tr("%1: released").arg(key);
                    else if (r->outcome == ReleaseOutcome::Changed)
                        outcome
                            << QObject::tr("%1: changed since you looked — not released").arg(key);
                    else
                        outcome << QObject::tr("%1: already gone — nothing to release").arg(key);
                }
                return outcome.join(QLatin1Char('\n'));
            }),
        this, [this](const QString &text) {
            m_busy = false;
            updateActions();
            Q_EMIT actionFinished(text);
            Prompter::instance()->inform(this, tr("Force release"), text);
        });
}

} // namespace lockscope::ui
