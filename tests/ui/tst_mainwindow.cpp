// The real window on the offscreen platform against real databases: leases from
// real lockctl processes, advisory holders and waiters, sweep, owner-guarded
// force release, the read-only role. Saves screenshots as test artifacts.
#include "activity/activitytab.h"
#include "activity/audittablemodel.h"
#include "advisory/advisorytab.h"
#include "advisory/advisorytablemodel.h"
#include "common/emptystate.h"
#include "common/prompter.h"
#include "db/database.h"
#include "inspector/inspectorrefresher.h"
#include "leases/leasestab.h"
#include "leases/leasetablemodel.h"
#include "load/loadpanel.h"
#include "support/lockctlprocess.h"
#include "support/privateserver.h"
#include "support/testdb.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <csignal>
#include <memory>

using namespace lockscope;
using namespace lockscope::ui;
using test::LockctlProcess;

namespace {

// Answers every confirmation with `answer` and records what the user was told.
class ScriptedPrompter final : public Prompter {
public:
    bool answer = true;
    QStringList asked;
    QStringList told;
    bool confirm(QWidget *, const QString &, const QString &text) override {
        asked << text;
        return answer;
    }
    void inform(QWidget *, const QString &, const QString &text) override { told << text; }
};

int rowOfKey(const MainWindow &w, const QString &key) {
    return w.leaseModel()->view()->tableRowOf(key);
}

std::unique_ptr<QProcess> holdLease(const ConnectionParams &p, const QString &key) {
    std::unique_ptr<QProcess> proc(LockctlProcess::start(
        test::TestDb::urlFor(p),
        {QStringLiteral("acquire"), key, QStringLiteral("--hold"), QStringLiteral("60s"),
         QStringLiteral("--ttl"), QStringLiteral("45s")}));
    proc->waitForReadyRead(30000);
    return proc;
}

// waitForFinished() answers false for a process that already finished.
bool ended(QProcess *proc, int ms) {
    return proc->state() == QProcess::NotRunning || proc->waitForFinished(ms);
}

void stop(std::unique_ptr<QProcess> &proc) {
    if (proc && proc->state() != QProcess::NotRunning) {
        ::kill(static_cast<pid_t>(proc->processId()), SIGTERM);
        proc->waitForFinished(10000);
    }
}

void insert(const ConnectionParams &p, const QString &key, const QString &token, int expiresIn) {
    QVERIFY(test::TestDb::exec(
        p, QStringLiteral("INSERT INTO aggregate_locks VALUES ('%1', '%2', %3 - 60, %3 + %4)")
               .arg(key, token, Database::nowSql(p.driver))
               .arg(expiresIn)));
}

// Connects the window and waits for the outcome. Empty when connected;
// otherwise what went wrong, as the window showed it, so a failure in CI says
// more than "timed out".
QString connectWindow(MainWindow &w, const ConnectionParams &p, const QString &profile = QString(),
                      bool profileReadOnly = false) {
    QSignalSpy connected(&w, &MainWindow::connected);
    QSignalSpy failed(&w, &MainWindow::connectionFailed);
    w.connectTo(p, profile, profileReadOnly);
    QElapsedTimer waited;
    waited.start();
    while (connected.isEmpty() && failed.isEmpty() && waited.elapsed() < 30000)
        QTest::qWait(20);
    if (!connected.isEmpty())
        return QString();
    if (!failed.isEmpty())
        return QStringLiteral("the connection failed: %1").arg(failed.first().first().toString());
    return QStringLiteral("no outcome after %1 ms; the status bar says '%2'")
        .arg(waited.elapsed())
        .arg(w.statusLabel()->text());
}

#define LOCKSCOPE_CONNECT(...)                                                                     \
    do {                                                                                           \
        const QString connectError = connectWindow(__VA_ARGS__);                                   \
        QVERIFY2(connectError.isEmpty(), qPrintable(connectError));                                \
    } while (false)

} // namespace

class TestMainWindow final : public QObject {
    Q_OBJECT

private:
    ScriptedPrompter *m_prompter = nullptr;
    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }
    void init() {
        m_prompter = new ScriptedPrompter;
        Prompter::install(m_prompter);
    }
    void cleanup() { Prompter::install(nullptr); }

    void connectsAndListsLeasesFromLockctl_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void connectsAndListsLeasesFromLockctl() {
        LOCKSCOPE_FRESH_DB(params);
        auto alpha = holdLease(params, QStringLiteral("orders/alpha"));
        auto beta = holdLease(params, QStringLiteral("orders/beta"));
        insert(params, QStringLiteral("reports/old"), QStringLiteral("other-program"), -120);

        MainWindow w;
        w.show();
        LOCKSCOPE_CONNECT(w, params, QStringLiteral("test"));
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 3, 20000);
        const int alphaRow = rowOfKey(w, QStringLiteral("orders/alpha"));
        QVERIFY(alphaRow >= 0);
        const QModelIndex owner = w.leaseModel()->index(alphaRow, LeaseTableModel::Owner);
        QVERIFY(owner.data().toString().contains(QLatin1Char(':'))); // host:pid:random
        QCOMPARE(w.leaseModel()
                     ->index(rowOfKey(w, QStringLiteral("reports/old")), LeaseTableModel::State)
                     .data()
                     .toString(),
                 QStringLiteral("✕ expired"));
        QTRY_VERIFY(w.statusLabel()->text().contains(QLatin1String("2 held, 1 expired")));

        // The filter narrows the view, never the query.
        w.leasesTab()->model()->setFilterText(QStringLiteral("orders/*"));
        QCOMPARE(w.leasesTab()->model()->rowCount(), 2);
        w.leasesTab()->model()->setFilterText(QString());

        // A lease released elsewhere leaves the table on a later refresh.
        stop(beta);
        w.refresher()->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 2, 20000);

        QTest::qWait(300); // let the countdown tick once before the picture
        w.grab().save(test::TestDb::artifactPath(
            QStringLiteral("leases-%1.png")
                .arg(params.isSqlite() ? QStringLiteral("sqlite") : QStringLiteral("postgres"))));
        stop(alpha);
    }

    void advisoryHolderAndWaiter() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);
        std::unique_ptr<QProcess> holder(
            LockctlProcess::start(url, {QStringLiteral("advisory-lock"), QStringLiteral("4242"),
                                        QStringLiteral("--hold"), QStringLiteral("60s")}));
        QVERIFY(holder->waitForReadyRead(30000));
        const int holderPid = QJsonDocument::fromJson(holder->readLine())
                                  .object()
                                  .value(QStringLiteral("pid"))
                                  .toInt();
        std::unique_ptr<QProcess> waiter(LockctlProcess::start(
            url, {QStringLiteral("advisory-lock"), QStringLiteral("4242"), QStringLiteral("--wait"),
                  QStringLiteral("60s"), QStringLiteral("--hold"), QStringLiteral("0")}));

        MainWindow w;
        w.show();
        w.tabs()->setCurrentWidget(w.advisoryTab());
        LOCKSCOPE_CONNECT(w, *params, QStringLiteral("pg"));
        auto *model = static_cast<AdvisoryTableModel *>(
            static_cast<QSortFilterProxyModel *>(w.advisoryTab()->view()->model())->sourceModel());
        // The whole server by default, where tests running beside this one may hold
        // advisory locks too; this database's two sessions must be among them.
        auto mine = [&] {
            int n = 0;
            for (int i = 0; i < model->rowCount(); ++i)
                n += model->rowAt(i).database == params->database ? 1 : 0;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(mine(), 2, 20000);
        // Only this database: exactly its holder and waiter, in the table and the tree.
        w.advisoryTab()->thisDatabaseOnly()->setChecked(true);
        QCOMPARE(w.advisoryTab()->proxy()->rowCount(), 2);
        // Rows of this database by their place in the model now (no events run
        // between finding and using them).
        auto rowOf = [&](bool granted) {
            for (int i = 0; i < model->rowCount(); ++i) {
                if (model->rowAt(i).database == params->database &&
                    model->rowAt(i).granted == granted)
                    return i;
            }
            return -1;
        };
        const int waitingRow = rowOf(false);
        QVERIFY(waitingRow >= 0);
        QCOMPARE(model->index(waitingRow, AdvisoryTableModel::BlockedBy).data().toString(),
                 QString::number(holderPid));
        QCOMPARE(model->index(waitingRow, AdvisoryTableModel::Key).data().toString(),
                 QStringLiteral("4242"));
        QVERIFY(model->index(waitingRow, 0).data(Qt::BackgroundRole).isValid()); // highlighted
        // The tree: the holder at the top, its waiter beneath.
        QTRY_COMPARE(w.advisoryTab()->tree()->topLevelItemCount(), 1);
        QTreeWidgetItem *root = w.advisoryTab()->tree()->topLevelItem(0);
        QCOMPARE(root->data(0, Qt::UserRole).toInt(), holderPid);
        QCOMPARE(root->childCount(), 1);
        QVERIFY(w.advisoryTab()->notice()->isHidden());
        QTest::qWait(300);
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("advisory-postgres.png")));

        // The filter narrows the table, never the tree; any case, any column.
        AdvisoryTab *tab = w.advisoryTab();
        tab->filterEdit()->setText(QStringLiteral("exclusivelock"));
        QCOMPARE(tab->proxy()->rowCount(), 2);
        tab->filterEdit()->setText(QString::number(holderPid));
        QVERIFY(tab->proxy()->rowCount() >= 1);
        for (int r = 0; r < tab->proxy()->rowCount(); ++r)
            QVERIFY(tab->proxy()
                        ->index(r, AdvisoryTableModel::Pid)
                        .data()
                        .toString()
                        .contains(QString::number(holderPid)));
        tab->filterEdit()->setText(QStringLiteral("no-such-lock-anywhere"));
        QCOMPARE(tab->proxy()->rowCount(), 0);
        QVERIFY(tab->showsEmptyState());
        QCOMPARE(tab->emptyState()->title(), QStringLiteral("No advisory lock matches the filter"));
        QCOMPARE(tab->tree()->topLevelItemCount(), 1);
        auto *clear =
            tab->emptyState()->findChild<QPushButton *>(QStringLiteral("emptyClearFilter"));
        QVERIFY(clear);
        clear->click();
        QVERIFY(tab->filterEdit()->text().isEmpty());
        QCOMPARE(tab->proxy()->rowCount(), 2);
        QVERIFY(!tab->showsEmptyState());
        // "Filter by this application" from a row's menu.
        {
            std::unique_ptr<QMenu> menu(tab->contextMenu(tab->proxy()->index(0, 0)));
            auto *byApplication = menu->findChild<QAction *>(QStringLiteral("filterApplication"));
            QVERIFY(byApplication);
            const QString application =
                tab->proxy()->index(0, AdvisoryTableModel::Application).data().toString();
            QVERIFY(!application.isEmpty());
            byApplication->trigger();
            QCOMPARE(tab->filterEdit()->text(), application);
            QCOMPARE(tab->proxy()->rowCount(), 2); // both are lockctl's sessions
        }
        tab->filterEdit()->clear();

        // Terminate the holder from the tab: the waiter gets the lock.
        const int holderRow = rowOf(true);
        QVERIFY(holderRow >= 0);
        w.advisoryTab()->view()->selectRow(
            w.advisoryTab()->proxy()->mapFromSource(model->index(holderRow, 0)).row());
        QVERIFY(w.advisoryTab()->terminateButton()->isEnabled());
        w.advisoryTab()->signalSelected(true);
        QTRY_VERIFY(!m_prompter->told.isEmpty());
        QVERIFY(m_prompter->asked.last().contains(QString::number(holderPid)));
        QVERIFY(m_prompter->asked.last().contains(QLatin1String("lockctl")));
        QVERIFY2(m_prompter->told.last().contains(QLatin1String("signalled")),
                 qPrintable(m_prompter->told.last()));
        QVERIFY2(ended(waiter.get(), 20000),
                 qPrintable(QString::fromUtf8(waiter->readAllStandardError())));
        QCOMPARE(waiter->exitCode(), 0);
        stop(holder); // its session is gone; the process itself was only told by us
    }

    void advisoryTabExplainsSqlite() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        MainWindow w;
        LOCKSCOPE_CONNECT(w, params);
        // Not offered as an empty grid: the tab is disabled and says why.
        const int tab = w.tabs()->indexOf(w.advisoryTab());
        QVERIFY(!w.tabs()->isTabEnabled(tab));
        QVERIFY(w.tabs()->tabToolTip(tab).contains(QLatin1String("only on PostgreSQL")));
        QVERIFY(w.advisoryTab()->showsEmptyState());
        QVERIFY(
            w.advisoryTab()->emptyState()->title().contains(QLatin1String("only on PostgreSQL")));
    }

    void sweepRemovesExactlyTheExpired_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void sweepRemovesExactlyTheExpired() {
        LOCKSCOPE_FRESH_DB(params);
        for (int i = 0; i < 4; ++i)
            insert(params, QStringLiteral("dead/%1").arg(i), QStringLiteral("t"), -10);
        insert(params, QStringLiteral("live/1"), QStringLiteral("t"), 600);
        MainWindow w;
        LOCKSCOPE_CONNECT(w, params, QStringLiteral("test"));
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 5, 20000);
        QVERIFY(w.leasesTab()->sweepAction()->isEnabled());
        w.leasesTab()->sweepExpired();
        QTRY_COMPARE_WITH_TIMEOUT(m_prompter->told.size(), 1, 20000);
        QVERIFY2(m_prompter->asked.first().contains(QLatin1String("4 expired lease")),
                 qPrintable(m_prompter->asked.first()));
        QCOMPARE(m_prompter->told.first(), QStringLiteral("Removed 4 expired lease(s)."));
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 1, 20000);
        QCOMPARE(w.leaseModel()->rowAt(0).key, QStringLiteral("live/1"));
        // The audit trail shows it on the Activity tab.
        AuditTableModel *audit = w.activityTab()->model();
        w.refresher()->refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(audit->rowCount() >= 1, 20000); // the dry run is not recorded
        bool found = false;
        for (const AuditEntry &e : audit->rows())
            found = found ||
                    (e.action == QLatin1String("sweep") && e.outcome == QLatin1String("removed 4"));
        QVERIFY(found);

        // The operator narrows the log by typing, as into the leases filter.
        const int all = audit->rowCount();
        QTest::keyClicks(w.activityTab()->filterEdit(), QStringLiteral("REMOVED 4"));
        QCOMPARE(w.activityTab()->proxy()->rowCount(), 1); // case does not matter
        w.activityTab()->filterEdit()->clear();
        QCOMPARE(w.activityTab()->proxy()->rowCount(), all);
        QTest::keyClicks(w.activityTab()->filterEdit(), QStringLiteral("no such thing"));
        QCOMPARE(w.activityTab()->proxy()->rowCount(), 0);
        w.activityTab()->filterEdit()->setText(QStringLiteral("sweep"));
        w.resize(1100, 420);
        w.show();
        w.tabs()->setCurrentWidget(w.activityTab());
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.grab().save(test::TestDb::artifactPath(
            QStringLiteral("activity-%1.png").arg(QLatin1String(QTest::currentDataTag()))));
    }

    void forceReleaseOfChangedLeaseIsRefused_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void forceReleaseOfChangedLeaseIsRefused() {
        LOCKSCOPE_FRESH_DB(params);
        insert(params, QStringLiteral("stuck"), QStringLiteral("token-shown"), 600);
        insert(params, QStringLiteral("other"), QStringLiteral("token-other"), 600);
        MainWindow w;
        w.show();
        LOCKSCOPE_CONNECT(w, params, QStringLiteral("test"));
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 2, 20000);
        w.refresher()->setPaused(true); // the operator looks at a snapshot...
        QTableView *view = w.leasesTab()->view();
        view->selectAll();
        // ...and meanwhile "stuck" is re-acquired by someone else.
        QVERIFY(
            test::TestDb::exec(params, QStringLiteral("UPDATE aggregate_locks SET owner_token "
                                                      "= 'token-new' WHERE lock_key = 'stuck'")));
        QVERIFY(w.leasesTab()->forceReleaseAction()->isEnabled());
        w.leasesTab()->forceReleaseSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_prompter->told.size(), 1, 20000);
        const QString question = m_prompter->asked.first();
        QVERIFY2(question.contains(QLatin1String("stuck")) &&
                     question.contains(QLatin1String("other")),
                 qPrintable(question));
        const QString outcome = m_prompter->told.first();
        QVERIFY2(outcome.contains(QStringLiteral("stuck: changed since you looked — not released")),
                 qPrintable(outcome));
        QVERIFY2(outcome.contains(QLatin1String("other: released")), qPrintable(outcome));
        w.refresher()->setPaused(false);
        w.refresher()->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 1, 20000);
        QCOMPARE(w.leaseModel()->rowAt(0).token, QStringLiteral("token-new"));
    }

    void declinedConfirmationChangesNothing() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        insert(params, QStringLiteral("k"), QStringLiteral("t"), 600);
        MainWindow w;
        w.show();
        LOCKSCOPE_CONNECT(w, params);
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 1, 20000);
        m_prompter->answer = false;
        w.leasesTab()->view()->selectAll();
        w.leasesTab()->forceReleaseSelected();
        QCOMPARE(m_prompter->asked.size(), 1);
        QTest::qWait(200);
        QVERIFY(m_prompter->told.isEmpty());
        w.refresher()->refreshNow();
        QTest::qWait(300);
        QCOMPARE(w.leaseModel()->rowCount(), 1);
    }

    void readOnlyRoleHasEveryActionDisabled() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const auto readOnly = test::TestDb::readOnlyRole(*params, &why);
        if (!readOnly)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        insert(*params, QStringLiteral("k"), QStringLiteral("t"), 600);
        std::unique_ptr<QProcess> holder(LockctlProcess::start(
            test::TestDb::urlFor(*params), {QStringLiteral("advisory-lock"), QStringLiteral("7"),
                                            QStringLiteral("--hold"), QStringLiteral("60s")}));
        QVERIFY(holder->waitForReadyRead(30000));
        MainWindow w;
        w.show();
        LOCKSCOPE_CONNECT(w, *readOnly, QStringLiteral("ro"));
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 1, 20000);
        QVERIFY(w.session()->privileges.readOnly());
        w.leasesTab()->view()->selectAll();
        QVERIFY(!w.leasesTab()->sweepAction()->isEnabled());
        QVERIFY(!w.leasesTab()->forceReleaseAction()->isEnabled());
        QVERIFY2(
            w.leasesTab()->sweepAction()->toolTip().contains(QLatin1String("no DELETE privilege")),
            qPrintable(w.leasesTab()->sweepAction()->toolTip()));
        auto *advisoryModel = w.advisoryTab()->proxy();
        QTRY_COMPARE_WITH_TIMEOUT(advisoryModel->rowCount(), 1, 20000);
        w.advisoryTab()->view()->selectRow(0);
        QVERIFY(!w.advisoryTab()->cancelButton()->isEnabled());
        QVERIFY(!w.advisoryTab()->terminateButton()->isEnabled());
        QVERIFY(w.advisoryTab()->terminateButton()->toolTip().contains(
            QLatin1String("pg_signal_backend")));
        QVERIFY(w.connectionError().isEmpty());
        QTRY_VERIFY(w.findChild<QStatusBar *>() != nullptr);
        ::kill(static_cast<pid_t>(holder->processId()), SIGTERM);
        holder->waitForFinished(10000);
    }

    void readOnlyProfileDisablesActions() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        MainWindow w;
        LOCKSCOPE_CONNECT(w, params, QStringLiteral("careful"), true);
        QVERIFY(!w.leasesTab()->sweepAction()->isEnabled());
        QVERIFY(w.leasesTab()->sweepAction()->toolTip().contains(QLatin1String("careful")));
        // The load generator and the demo write leases: not on a read-only profile.
        auto *start = w.loadPanel()->findChild<QPushButton *>(QStringLiteral("loadStart"));
        QVERIFY(start);
        QVERIFY(!start->isEnabled());
        QVERIFY(start->toolTip().contains(QLatin1String("careful")));
        m_prompter->told.clear();
        w.startDemo();
        QVERIFY(!w.loadPanel()->isRunning());
        QCOMPARE(m_prompter->told.size(), 1);
        QVERIFY2(m_prompter->told.first().contains(QLatin1String("does not run here")),
                 qPrintable(m_prompter->told.first()));
    }

    // lockscope --read-only: a profile that is not read-only, opened from any
    // path (here connectTo, as the Servers tab and the connection dialog do),
    // is read-only all the same, and says why.
    void startedReadOnlyCoversEveryConnection() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        MainWindow w;
        w.setForcedReadOnly(true);
        LOCKSCOPE_CONNECT(w, params, QStringLiteral("writable"), false);
        QVERIFY(w.session()->profileReadOnly);
        QVERIFY(!w.leasesTab()->sweepAction()->isEnabled());
        QVERIFY2(w.leasesTab()->sweepAction()->toolTip().contains(QLatin1String("--read-only")),
                 qPrintable(w.leasesTab()->sweepAction()->toolTip()));
        auto *start = w.loadPanel()->findChild<QPushButton *>(QStringLiteral("loadStart"));
        QVERIFY(start && !start->isEnabled());
    }

    // PostgreSQL restarts under the open window: the status bar says
    // "reconnecting…" (no dialog, no storm of messages), and live rows return by
    // themselves once the server is back. A server of the test's own.
    void serverRestartShowsReconnectingThenLiveData() {
        test::PrivateServer server;
        if (!server.ok())
            LOCKSCOPE_SKIP_OR_FAIL(server.error());
        QString why;
        const ConnectionParams params = server.freshDatabase(&why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        insert(params, QStringLiteral("before/restart"), QStringLiteral("t1"), 600);

        MainWindow w;
        w.resize(1100, 600);
        w.show();
        LOCKSCOPE_CONNECT(w, params, QStringLiteral("restart"));
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 1, 20000);

        QStringList seen; // every status text, as the user would have seen it
        QTimer watcher;
        QObject::connect(&watcher, &QTimer::timeout, &w, [&] {
            if (seen.isEmpty() || seen.last() != w.statusLabel()->text())
                seen << w.statusLabel()->text();
        });
        watcher.start(50);
        int dialogsSeen = 0;
        QTimer dialogWatcher;
        QObject::connect(&dialogWatcher, &QTimer::timeout, &w, [&] {
            for (QWidget *top : QApplication::topLevelWidgets()) {
                if (top->isVisible() && qobject_cast<QDialog *>(top))
                    ++dialogsSeen;
            }
        });
        dialogWatcher.start(50);

        QVERIFY(server.halt());
        QTRY_VERIFY_WITH_TIMEOUT(
            w.statusLabel()->text().startsWith(QStringLiteral("reconnecting…")), 20000);
        QTest::qWait(1500); // several refresh intervals while down
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("reconnecting.png")));
        QVERIFY(w.session());                    // still the same session, not a disconnect
        QCOMPARE(w.leaseModel()->rowCount(), 1); // the last rows stay visible

        QVERIFY(server.resume());
        insert(params, QStringLiteral("after/restart"), QStringLiteral("t2"), 600);
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(w.statusLabel()->text().contains(QLatin1String("2 held")), 10000);
        watcher.stop();
        dialogWatcher.stop();
        if (seen.last() != w.statusLabel()->text())
            seen << w.statusLabel()->text();

        QCOMPARE(dialogsSeen, 0);
        QVERIFY2(m_prompter->told.isEmpty(), qPrintable(m_prompter->told.join(QLatin1Char('\n'))));
        QVERIFY(m_prompter->asked.isEmpty());
        const auto reconnecting = std::count_if(seen.cbegin(), seen.cend(), [](const QString &t) {
            return t.startsWith(QStringLiteral("reconnecting…"));
        });
        QVERIFY2(reconnecting >= 1, qPrintable(seen.join(QLatin1Char('\n'))));
        // Live again: the last status is the normal one.
        QVERIFY2(seen.last().contains(QLatin1String("2 held")), qPrintable(seen.last()));
    }

    void connectionFailuresAreSentences() {
        MainWindow w;
        QSignalSpy failed(&w, &MainWindow::connectionFailed);
        ConnectionParams missing;
        missing.driver = Driver::Sqlite;
        missing.sqlitePath = QStringLiteral("/nonexistent-dir-lockscope/x.db");
        w.connectTo(missing);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 20000);
        QVERIFY2(failed.first().first().toString().contains(QLatin1String("does not exist")),
                 qPrintable(failed.first().first().toString()));

        // A database without the lease table says how to create it.
        const ConnectionParams empty = test::TestDb::freshSqlite(false);
        w.connectTo(empty);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 20000);
        QVERIFY2(failed.last().first().toString().contains(QLatin1String("lockctl --db")),
                 qPrintable(failed.last().first().toString()));
        QVERIFY(!w.session());
    }

    void exportWritesVisibleRows() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        insert(params, QStringLiteral("a,\"quoted\""), QStringLiteral("t1"), 600);
        insert(params, QStringLiteral("b"), QStringLiteral("t2"), 600);
        MainWindow w;
        LOCKSCOPE_CONNECT(w, params);
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 2, 20000);
        w.leasesTab()->model()->setFilterText(QStringLiteral("a*"));
        const QString csvPath = test::TestDb::scratchDir() + QStringLiteral("/leases.csv");
        w.exportCurrentTab(false, csvPath);
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(csv.readAll());
        QVERIFY2(text.startsWith(QLatin1String("Key,Owner,Owner session,State")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("\"a,\"\"quoted\"\"\"")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("\r\nb,")));
        const QString jsonPath = test::TestDb::scratchDir() + QStringLiteral("/leases.json");
        w.exportCurrentTab(true, jsonPath);
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray rows = QJsonDocument::fromJson(json.readAll()).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("Key")).toString(),
                 QStringLiteral("a,\"quoted\""));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
