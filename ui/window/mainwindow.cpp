#include "window/mainwindow.h"

#include "activity/activitytab.h"
#include "activity/audittablemodel.h"
#include "advisory/advisorytab.h"
#include "advisory/advisorytablemodel.h"
#include "alerts/alertnotifier.h"
#include "alerts/alertstab.h"
#include "common/exporter.h"
#include "common/headermenu.h"
#include "common/prompter.h"
#include "common/whenfinished.h"
#include "connection/connectiondialog.h"
#include "connection/connector.h"
#include "connection/passwordstore.h"
#include "connection/profilestore.h"
#include "history/historytab.h"
#include "inspector/inspectorrefresher.h"
#include "leases/leasestab.h"
#include "leases/leasetablemodel.h"
#include "leases/ownerruledialog.h"
#include "leases/sharedlockspanel.h"
#include "load/demorun.h"
#include "load/loadpanel.h"
#include "locks/lockstab.h"
#include "monitor/monitor.h"
#include "servers/serverstab.h"
#include "window/aboutdialog.h"
#include "window/documentationdialog.h"
#include "window/shortcutsdialog.h"
#include "window/windowmemory.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lockscope::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_leaseModel(new LeaseTableModel(this))
    , m_advisoryModel(new AdvisoryTableModel(this))
    , m_auditModel(new AuditTableModel(this))
    , m_refresher(new InspectorRefresher(m_leaseModel, m_advisoryModel, m_auditModel, this))
    , m_monitor(new Monitor(QString(), this))
    , m_tabs(new QTabWidget(this))
    , m_leasesTab(new LeasesTab(m_leaseModel, m_refresher->pool(), this))
    , m_advisoryTab(new AdvisoryTab(m_advisoryModel, m_refresher, m_refresher->pool(), this))
    , m_locksTab(new LocksTab(this))
    , m_serversTab(new ServersTab(this))
    , m_activityTab(new ActivityTab(m_auditModel, this))
    , m_historyTab(new HistoryTab(m_monitor, this))
    , m_alertsTab(new AlertsTab(m_monitor, this))
    , m_loadPanel(new LoadPanel(this))
    , m_connection(new QLabel(this))
    , m_status(new QLabel(this))
    , m_interval(new QSpinBox(this))
    , m_pause(new QAction(tr("&Pause"), this))
    , m_refresh(new QAction(tr("&Refresh now"), this))
    , m_disconnect(new QAction(tr("&Disconnect"), this))
    , m_statusTimer(new QTimer(this))
    , m_demo(new DemoRun(m_loadPanel, this))
    , m_banner(new QFrame(this))
    , m_bannerText(new QLabel(m_banner))
    , m_bannerStop(new QPushButton(tr("Stop the demo"), m_banner)) {
    setWindowTitle(tr("LockScope"));
    setWindowIcon(AboutDialog::appIcon());
    m_tabs->addTab(m_leasesTab, tr("Leases"));
    m_refresher->setSharedModel(m_leasesTab->sharedPanel()->model());
    m_tabs->addTab(m_advisoryTab, tr("Advisory locks"));
    m_tabs->addTab(m_locksTab, tr("Locks"));
    m_tabs->addTab(m_activityTab, tr("Activity"));
    m_tabs->addTab(m_historyTab, tr("History"));
    m_tabs->addTab(m_alertsTab, tr("Alerts"));
    m_tabs->addTab(m_loadPanel, tr("Load"));
    m_tabs->addTab(m_serversTab, tr("Servers"));
    connect(m_serversTab, &ServersTab::openProfile, this, &MainWindow::openProfile);
    // A banner above the tabs for what the demo does and, at its end, what it showed.
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_bannerText->setObjectName(QStringLiteral("bannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setForegroundRole(QPalette::ToolTipText);
    auto *bannerClose = new QPushButton(tr("Close"), m_banner);
    bannerClose->setObjectName(QStringLiteral("bannerClose"));
    m_bannerStop->setObjectName(QStringLiteral("bannerStop"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerStop);
    bannerLayout->addWidget(bannerClose);
    m_banner->hide();
    connect(m_bannerStop, &QPushButton::clicked, m_demo, &DemoRun::stop);
    connect(bannerClose, &QPushButton::clicked, this, [this] {
        m_demo->stop();
        m_banner->hide();
    });
    connect(m_demo, &DemoRun::phaseChanged, this,
            [this](DemoRun::Phase phase, const QString &description) {
                showBanner(description, true);
                m_tabs->setCurrentWidget(phase == DemoRun::Phase::Leases
                                             ? static_cast<QWidget *>(m_leasesTab)
                                             : m_loadPanel);
            });
    connect(m_demo, &DemoRun::finished, this, [this](const QString &summary) {
        if (m_intervalBeforeDemo.count() > 0)
            m_refresher->setInterval(m_intervalBeforeDemo);
        m_intervalBeforeDemo = std::chrono::milliseconds(0);
        m_refresher->refreshNow();
        showBanner(summary, false);
    });
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_banner);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    m_status->setObjectName(QStringLiteral("statusText"));
    statusBar()->addWidget(m_connection);
    statusBar()->addPermanentWidget(m_status);
    buildMenus();
    // A rule saved earlier; one edited into the settings file that does not
    // compile is left out, and the status bar says so once connected.
    const QString savedRule = QSettings().value(QStringLiteral("leases/ownerRule")).toString();
    if (auto rule = OwnerRule::compile(savedRule, tr("The saved lease owner rule")); rule.ok())
        m_refresher->setOwnerRule(rule.value());
    else
        m_ownerRuleError = rule.error().message;

    connect(m_refresher, &InspectorRefresher::refreshed, this, &MainWindow::updateStatus);
    // Every refresh goes into the history and through the alert rules.
    connect(m_refresher, &InspectorRefresher::sampled, m_monitor, &Monitor::record);
    connect(m_alertsTab, &AlertsTab::openCountChanged, this, &MainWindow::updateAlertBadge);
    m_notifier = new AlertNotifier(m_monitor, this);
    connect(m_refresher, &InspectorRefresher::refreshed, this, [this] {
        m_leasesTab->setLoaded(true);
        m_activityTab->setLoaded(true);
    });
    // The empty states' buttons.
    connect(m_leasesTab, &LeasesTab::connectRequested, this, &MainWindow::showConnectionDialog);
    connect(m_advisoryTab, &AdvisoryTab::connectRequested, this, &MainWindow::showConnectionDialog);
    connect(m_activityTab, &ActivityTab::connectRequested, this, &MainWindow::showConnectionDialog);
    connect(m_leasesTab, &LeasesTab::demoRequested, this, &MainWindow::startDemo);
    connect(m_advisoryTab, &AdvisoryTab::advisoryLoadRequested, this, [this] {
        LoadConfig c = m_loadPanel->config();
        c.mode = LoadMode::Advisory;
        m_loadPanel->setConfig(c);
        m_tabs->setCurrentWidget(m_loadPanel);
    });
    connect(m_activityTab, &ActivityTab::showLeasesRequested, this,
            [this] { m_tabs->setCurrentWidget(m_leasesTab); });
    connect(m_refresher, &InspectorRefresher::failing, this, &MainWindow::updateStatus);
    connect(m_refresher, &InspectorRefresher::recovered, this, &MainWindow::updateStatus);
    // After an action the data on screen is stale: refresh at once.
    connect(m_leasesTab, &LeasesTab::actionFinished, m_refresher, &InspectorRefresher::refreshNow);
    connect(m_advisoryTab, &AdvisoryTab::actionFinished, m_refresher,
            &InspectorRefresher::refreshNow);
    m_statusTimer->setInterval(500);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    m_statusTimer->start();
    for (QTableView *v : {m_leasesTab->view(), m_advisoryTab->view(), m_activityTab->view()})
        HeaderMenu::attach(v->horizontalHeader());
    m_memory = std::make_unique<WindowMemory>(this); // the layout as built: Reset's defaults
    m_memory->restore();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::showDocumentation() {
    if (!m_documentation)
        m_documentation = new DocumentationDialog(this);
    m_documentation->show();
    m_documentation->raise();
    m_documentation->activateWindow();
}

void MainWindow::showShortcuts() {
    if (!m_shortcuts)
        m_shortcuts = new ShortcutsDialog(this);
    m_shortcuts->show();
    m_shortcuts->raise();
    m_shortcuts->activateWindow();
}

void MainWindow::showAbout() {
    if (!m_about)
        m_about = new AboutDialog(this);
    m_about->show();
    m_about->raise();
    m_about->activateWindow();
}

void MainWindow::buildMenus() {
    auto *connectAction = new QAction(tr("&Connect…"), this);
    connectAction->setShortcut(QKeySequence::Open);
    connect(connectAction, &QAction::triggered, this, &MainWindow::showConnectionDialog);
    connect(m_disconnect, &QAction::triggered, this, &MainWindow::disconnectFromDatabase);
    auto *quit = new QAction(tr("&Quit"), this);
    // Ctrl+Q where the platform names no Quit key (offscreen, some desktops).
    quit->setShortcut(QKeySequence::keyBindings(QKeySequence::Quit).isEmpty()
                          ? QKeySequence(Qt::CTRL | Qt::Key_Q)
                          : QKeySequence(QKeySequence::Quit));
    connect(quit, &QAction::triggered, this, &QWidget::close);
    auto *exportCsv = new QAction(tr("Export visible rows as &CSV…"), this);
    auto *exportJson = new QAction(tr("Export visible rows as &JSON…"), this);
    connect(exportCsv, &QAction::triggered, this, [this] { exportCurrentTab(false); });
    connect(exportJson, &QAction::triggered, this, [this] { exportCurrentTab(true); });
    QMenu *file = menuBar()->addMenu(tr("&Database"));
    file->addActions({connectAction, m_disconnect});
    file->addSeparator();
    file->addActions({exportCsv, exportJson});
    file->addSeparator();
    file->addAction(quit);

    m_refresh->setShortcut(QKeySequence::Refresh); // F5
    connect(m_refresh, &QAction::triggered, m_refresher, &InspectorRefresher::refreshNow);
    m_pause->setCheckable(true);
    connect(m_pause, &QAction::toggled, this, [this](bool paused) {
        m_refresher->setPaused(paused);
        updateStatus();
    });
    auto *find = new QAction(tr("&Filter leases"), this);
    find->setShortcut(QKeySequence::Find); // Ctrl+F
    connect(find, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_leasesTab);
        m_leasesTab->focusFilter();
    });
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({m_refresh, m_pause, find});
    view->addSeparator();
    // Every tab from the keyboard: Ctrl+1 … Ctrl+5.
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *show = new QAction(tr("Show &%1 %2").arg(i + 1).arg(m_tabs->tabText(i)), this);
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(show, &QAction::triggered, this, [this, i] {
            if (m_tabs->isTabEnabled(i))
                m_tabs->setCurrentIndex(i);
        });
        view->addAction(show);
    }
    view->addSeparator();
    auto *reset = new QAction(tr("Reset &layout"), this);
    auto *ownerRule = new QAction(tr("Lease &owner rule…"), this);
    ownerRule->setObjectName(QStringLiteral("ownerRule"));
    connect(ownerRule, &QAction::triggered, this, &MainWindow::showOwnerRuleDialog);
    view->addAction(ownerRule);
    reset->setObjectName(QStringLiteral("resetLayout"));
    reset->setToolTip(tr("Window size, columns, splitters, filters and the refresh interval as "
                         "they were at the first start."));
    connect(reset, &QAction::triggered, this, &MainWindow::resetLayout);
    view->addAction(reset);
    QMenu *actions = menuBar()->addMenu(tr("&Actions"));
    actions->addActions({m_leasesTab->sweepAction(), m_leasesTab->forceReleaseAction()});
    actions->addSeparator();
    actions->addActions({m_advisoryTab->cancelAction(), m_advisoryTab->terminateAction()});

    auto *about = new QAction(tr("&About LockScope"), this);
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    auto *aboutQt = new QAction(tr("About &Qt"), this);
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    auto *demo = new QAction(tr("Start a &demo load"), this);
    demo->setObjectName(QStringLiteral("demoAction"));
    connect(demo, &QAction::triggered, this, &MainWindow::startDemo);
    auto *keys = new QAction(tr("&Keyboard Shortcuts"), this);
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(keys, &QAction::triggered, this, &MainWindow::showShortcuts);
    auto *docs = new QAction(tr("&Documentation"), this);
    docs->setObjectName(QStringLiteral("documentationAction"));
    docs->setShortcut(QKeySequence::keyBindings(QKeySequence::HelpContents).isEmpty()
                          ? QKeySequence(Qt::Key_F1)
                          : QKeySequence(QKeySequence::HelpContents));
    connect(docs, &QAction::triggered, this, &MainWindow::showDocumentation);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(docs);
    help->addAction(keys);
    help->addAction(demo);
    help->addSeparator();
    help->addActions({about, aboutQt});

    m_interval->setRange(1, 3600);
    m_interval->setValue(2);
    m_interval->setSuffix(tr(" s"));
    m_interval->setToolTip(tr("Refresh interval"));
    connect(m_interval, &QSpinBox::valueChanged, this,
            [this](int seconds) { m_refresher->setInterval(std::chrono::seconds(seconds)); });
    QToolBar *bar = addToolBar(tr("Refresh"));
    bar->setObjectName(QStringLiteral("refreshToolBar"));
    bar->addAction(connectAction);
    bar->addSeparator();
    bar->addAction(m_refresh);
    bar->addAction(m_pause);
    bar->addWidget(new QLabel(tr(" every "), this));
    bar->addWidget(m_interval);
}

void MainWindow::connectTo(const ConnectionParams &params, const QString &profileName,
                           bool profileReadOnly, bool migrate, bool readStoredPassword) {
    disconnectFromDatabase();
    const quint64 serial = ++m_connectSerial;
    m_connectionError.clear();
    m_connection->setText(tr("Connecting to %1…").arg(params.displayUrl()));
    whenFinished(
        QtConcurrent::run(m_refresher->pool(),
                          [params, profileName, readOnly = profileReadOnly || m_forcedReadOnly,
                           migrate, readStoredPassword]() {
                              ConnectionParams withPassword = params;
                              if (readStoredPassword && params.password.isEmpty()) {
                                  if (const auto password = PasswordStore::read(profileName))
                                      withPassword.password = *password;
                              }
                              return connectAndCheck(withPassword, profileName, readOnly, migrate);
                          }),
        this, [this, serial](ConnectOutcome outcome) {
            if (serial != m_connectSerial)
                return; // another connect (or a disconnect) came since
            if (!outcome.session) {
                m_connectionError = outcome.error;
                m_connection->setText(tr("Not connected"));
                updateStatus();
                Q_EMIT connectionFailed(outcome.error);
                Prompter::instance()->inform(this, tr("Cannot connect"), outcome.error);
                return;
            }
            outcome.session->startedReadOnly = m_forcedReadOnly;
            m_session = outcome.session;
            if (!m_session->profileName.isEmpty())
                ProfileStore::setLastProfile(m_session->profileName);
            m_leasesTab->setSession(m_session);
            m_advisoryTab->setSession(m_session);
            m_locksTab->setSession(m_session);
            m_activityTab->setSession(m_session);
            sessionChanged();
            m_loadPanel->setConnection(
                m_session->params, m_session->canRunLoad() ? QString() : m_session->leaseReason());
            m_monitor->setSource(m_session->profileName.isEmpty() ? m_session->params.displayUrl()
                                                                  : m_session->profileName);
            m_historyTab->reload();
            m_refresher->setConnection(m_session->params);
            m_disconnect->setEnabled(true);
            updateStatus();
            Q_EMIT connected();
        });
}

void MainWindow::disconnectFromDatabase() {
    ++m_connectSerial;
    m_demo->stop();
    m_session.reset();
    m_refresher->setConnection(std::nullopt);
    m_monitor->setSource(QString());
    m_leasesTab->setSession(std::nullopt);
    m_advisoryTab->setSession(std::nullopt);
    m_locksTab->setSession(std::nullopt);
    m_activityTab->setSession(std::nullopt);
    sessionChanged();
    m_loadPanel->setConnection(std::nullopt);
    m_disconnect->setEnabled(false);
    updateStatus();
}

void MainWindow::sessionChanged() {
    // On SQLite and Redis the PostgreSQL-only tabs (Advisory locks, Locks) are
    // not offered as empty grids: they are disabled, and their tooltips say why.
    const bool sqlite = m_session && m_session->params.isSqlite();
    const bool redis = m_session && m_session->params.isRedis();
    const int advisory = m_tabs->indexOf(m_advisoryTab);
    const int locks = m_tabs->indexOf(m_locksTab);
    if ((sqlite || redis) &&
        (m_tabs->currentIndex() == advisory || m_tabs->currentIndex() == locks))
        m_tabs->setCurrentWidget(m_leasesTab);
    m_tabs->setTabEnabled(advisory, !sqlite && !redis);
    m_tabs->setTabToolTip(advisory,
                          redis    ? tr("Advisory locks exist only on PostgreSQL; this is a Redis "
                                           "server, whose locks are keys (Leases tab).")
                          : sqlite ? tr("Advisory locks exist only on PostgreSQL; this is "
                                        "a SQLite database.")
                                   : tr("Advisory locks held or awaited by sessions of "
                                        "this PostgreSQL server, and who blocks whom."));
    m_tabs->setTabEnabled(locks, !sqlite && !redis);
    m_tabs->setTabToolTip(locks, redis ? tr("Server locks exist only on PostgreSQL; Redis has no "
                                            "lock table, its locks are keys (Leases tab).")
                                 : sqlite ? tr("Server locks exist only on PostgreSQL; this is a "
                                               "SQLite database.")
                                          : tr("Every lock on this PostgreSQL server, grouped by "
                                               "session, and who blocks whom."));
}

void MainWindow::updateAlertBadge(int open, bool critical) {
    // The badge: the count on the tab, and a warning or critical icon.
    const int index = m_tabs->indexOf(m_alertsTab);
    m_tabs->setTabText(index, open > 0 ? tr("Alerts (%1)").arg(open) : tr("Alerts"));
    m_tabs->setTabIcon(index, open == 0
                                  ? QIcon()
                                  : style()->standardIcon(critical ? QStyle::SP_MessageBoxCritical
                                                                   : QStyle::SP_MessageBoxWarning));
    m_tabs->setTabToolTip(index,
                          open > 0 ? tr("%n open alert(s)", nullptr, open) : tr("No open alerts"));
}

void MainWindow::showBanner(const QString &text, bool running) {
    m_bannerText->setText(text);
    m_bannerStop->setVisible(running);
    m_banner->show();
}

void MainWindow::startDemo() {
    if (m_demo->isRunning())
        return;
    if (!m_session) {
        Prompter::instance()->inform(this, tr("Demo"),
                                     tr("Connect to a database first: the demo runs on it."));
        return;
    }
    if (!m_session->canRunLoad()) {
        Prompter::instance()->inform(
            this, tr("Demo"),
            tr("%1 The demo takes leases and writes a table of its own, so it does not run here.")
                .arg(m_session->leaseReason()));
        return;
    }
    if (m_loadPanel->isRunning()) {
        Prompter::instance()->inform(this, tr("Demo"),
                                     tr("A load is already running on the Load tab; stop it "
                                        "first."));
        return;
    }
    if (!m_session->isEmbedded() &&
        !Prompter::instance()->confirm(
            this, tr("Start a demo load"),
            tr("The demo runs on %1 for about 16 seconds: 6 threads take leases on 3 keys named "
               "load/…, and update a work table of LockScope's own; then the same updates run "
               "without a lock. It releases every lease and removes its counters at the end. "
               "Run it on this database?")
                .arg(m_session->params.displayUrl())))
        return;
    // Refresh more often while the demo runs, so the leases are seen changing hands.
    const auto before = m_refresher->interval();
    m_refresher->setInterval(std::min(before, std::chrono::milliseconds(500)));
    if (!m_demo->start()) {
        m_refresher->setInterval(before);
        Prompter::instance()->inform(this, tr("Demo"), m_loadPanel->summaryLabel()->text());
        return;
    }
    m_intervalBeforeDemo = before;
}

void MainWindow::showConnectionDialog() {
    ConnectionDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Profile p = dialog.profile();
    connectTo(p.params, p.name, p.readOnly);
}

void MainWindow::exportCurrentTab(bool json, const QString &givenPath) {
    const QAbstractItemModel *model = nullptr;
    if (m_tabs->currentWidget() == m_historyTab && !json) {
        m_historyTab->exportCsv(givenPath); // the samples of the range shown
        return;
    }
    if (m_tabs->currentWidget() == m_leasesTab)
        model = m_leasesTab->view()->model();
    else if (m_tabs->currentWidget() == m_alertsTab)
        model = m_alertsTab->view()->model();
    else if (m_tabs->currentWidget() == m_advisoryTab)
        model = m_advisoryTab->view()->model();
    else if (m_tabs->currentWidget() == m_activityTab)
        model = m_activityTab->view()->model();
    if (!model) {
        Prompter::instance()->inform(this, tr("Export"), tr("This tab has no table to export."));
        return;
    }
    QString path = givenPath;
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Export"), QString(),
                                            json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        Prompter::instance()->inform(this, tr("Export"),
                                     tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    file.write((json ? Exporter::toJson(model) : Exporter::toCsv(model)).toUtf8());
}

void MainWindow::updateStatus() {
    if (!m_session) {
        m_status->setText(m_connectionError.isEmpty()
                              ? tr("Not connected")
                              : tr("Not connected: %1").arg(m_connectionError));
        if (m_connectSerial > 0 && m_connection->text().startsWith(tr("Connecting")))
            return;
        m_connection->setText(tr("Not connected — Database ▸ Connect… (Ctrl+O)"));
        return;
    }
    const Session &s = *m_session;
    QString who = s.params.displayUrl();
    if (!s.privileges.databaseUser.isEmpty())
        who += tr(" as %1").arg(s.privileges.databaseUser);
    if (!s.canReleaseLeases() && !s.canSignalBackends())
        who += tr(" — read-only");
    m_connection->setText(who);
    if (m_refresher->isFailing()) {
        m_status->setText(tr("reconnecting… (%1)").arg(m_refresher->lastError()));
        return;
    }
    const int total = m_leaseModel->totalCount();
    const int held = m_leaseModel->heldCount();
    const int invalid = m_leaseModel->invalidCount();
    QString text;
    if (s.params.isRedis()) {
        // Redis removes expired keys itself: what is listed is held.
        text = tr("%1 held, %2 without expiry, %3 of other types")
                   .arg(held)
                   .arg(m_leaseModel->noExpiryCount())
                   .arg(m_leaseModel->otherTypeCount());
    } else {
        text = tr("%1 held, %2 expired").arg(held).arg(total - held - invalid);
        if (invalid > 0)
            text += tr(", %1 with an invalid expiry").arg(invalid);
    }
    if (s.params.isPostgres())
        text += tr(" · %1 advisory (%2 waiting)")
                    .arg(m_advisoryModel->rowCount())
                    .arg(m_advisoryModel->waitingCount());
    const QDateTime last = m_refresher->lastRefreshed();
    if (last.isValid())
        text += tr(" · refreshed %1 s ago")
                    .arg(QLocale().toString(last.msecsTo(QDateTime::currentDateTime()) / 1000.0,
                                            'f', 1));
    if (m_refresher->isPaused())
        text += tr(" · PAUSED");
    if (!m_ownerRuleError.isEmpty())
        text += QStringLiteral(" · ") + m_ownerRuleError;
    m_status->setText(text);
}

void MainWindow::resetLayout() {
    m_memory->reset();
}

bool MainWindow::openProfile(const QString &name) {
    for (const Profile &p : ProfileStore::load()) {
        if (p.name != name)
            continue;
        connectTo(p.params, p.name, p.readOnly, false, true);
        m_tabs->setCurrentWidget(m_leasesTab);
        return true;
    }
    return false;
}

bool MainWindow::connectToLastProfile(bool readOnly) {
    const QString name = ProfileStore::lastProfile();
    if (name.isEmpty() || name == QLatin1String("embedded"))
        return false;
    for (const Profile &p : ProfileStore::load()) {
        if (p.name != name)
            continue;
        connectTo(p.params, p.name, p.readOnly || readOnly || m_forcedReadOnly, false, true);
        return true;
    }
    return false;
}

void MainWindow::closeEvent(QCloseEvent *event) {
    m_memory->save();
    m_demo->stop();
    m_loadPanel->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::showOwnerRuleDialog() {
    OwnerRuleDialog dialog(m_refresher->ownerRule().pattern(), this);
    if (dialog.exec() == QDialog::Accepted)
        setOwnerRule(dialog.pattern());
}

bool MainWindow::setOwnerRule(const QString &pattern) {
    auto rule = OwnerRule::compile(pattern, tr("The lease owner rule"));
    if (!rule.ok())
        return false;
    m_ownerRuleError.clear();
    m_refresher->setOwnerRule(rule.value());
    QSettings().setValue(QStringLiteral("leases/ownerRule"), pattern);
    m_refresher->refreshNow();
    return true;
}

} // namespace lockscope::ui
