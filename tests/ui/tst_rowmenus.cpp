// Right-click menus on every table's rows, the keyboard (every menu action has
// a shortcut or a mnemonic; Help ▸ Keyboard Shortcuts lists them; Ctrl+1…5,
// Ctrl+C, Shift+F10) and the column headers' tooltips, on a real window on the
// offscreen platform against real databases.
#include "activity/activitytab.h"
#include "activity/audittablemodel.h"
#include "admin/adminactions.h"
#include "advisory/advisorytab.h"
#include "advisory/advisorytablemodel.h"
#include "common/prompter.h"
#include "db/database.h"
#include "inspector/inspectorrefresher.h"
#include "lease/leasequeries.h"
#include "leases/leasestab.h"
#include "leases/leasetablemodel.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"
#include "window/mainwindow.h"
#include "window/shortcutsdialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace lockscope;
using namespace lockscope::ui;

namespace {

class ScriptedPrompter final : public Prompter {
public:
    QStringList asked;
    QStringList told;
    bool confirm(QWidget *, const QString &, const QString &text) override {
        asked << text;
        return true;
    }
    void inform(QWidget *, const QString &, const QString &text) override { told << text; }
};

bool connectWindow(MainWindow &w, const ConnectionParams &p) {
    QSignalSpy connected(&w, &MainWindow::connected);
    QSignalSpy refreshed(w.refresher(), &InspectorRefresher::refreshed);
    w.connectTo(p, QStringLiteral("test"));
    return connected.wait(30000) && (refreshed.size() > 0 || refreshed.wait(30000));
}

void insert(const ConnectionParams &p, const QString &key, const QString &token) {
    QVERIFY(test::TestDb::exec(
        p, QStringLiteral("INSERT INTO aggregate_locks VALUES ('%1', '%2', %3 - 60, %3 + 600)")
               .arg(key, token, Database::nowSql(p.driver))));
}

// Triggers the menu's action of that object name; false if there is none.
bool trigger(QMenu *menu, const QString &name) {
    for (QAction *a : menu->actions()) {
        if (a->objectName() == name) {
            a->trigger();
            return true;
        }
    }
    return false;
}

QModelIndex proxyIndexOfKey(LeasesTab *tab, const QString &key) {
    for (int r = 0; r < tab->model()->rowCount(); ++r) {
        const QModelIndex i = tab->model()->index(r, 0);
        if (i.data(LeaseTableModel::KeyRole).toString() == key)
            return i;
    }
    return {};
}

QMenu *visibleMenu() {
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (auto *menu = qobject_cast<QMenu *>(top); menu && menu->isVisible())
            return menu;
    }
    return nullptr;
}

} // namespace

class TestRowMenus final : public QObject {
    Q_OBJECT

    ScriptedPrompter *m_prompter = nullptr;
    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-rowmenus"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }
    void init() {
        m_prompter = new ScriptedPrompter;
        Prompter::install(m_prompter);
    }
    void cleanup() { Prompter::install(nullptr); }

    void leaseRowMenu() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        insert(params, QStringLiteral("jobs/a"), QStringLiteral("alpha-token"));
        insert(params, QStringLiteral("jobs/b"), QStringLiteral("beta-token"));
        MainWindow w;
        w.show();
        QVERIFY(connectWindow(w, params));
        QTRY_COMPARE(w.leaseModel()->rowCount(), 2);
        LeasesTab *tab = w.leasesTab();
        QClipboard *clip = QApplication::clipboard();

        std::unique_ptr<QMenu> menu(
            tab->contextMenu(proxyIndexOfKey(tab, QStringLiteral("jobs/a"))));
        QVERIFY(menu);
        QVERIFY(trigger(menu.get(), QStringLiteral("copyKey")));
        QCOMPARE(clip->text(), QStringLiteral("jobs/a"));
        QVERIFY(trigger(menu.get(), QStringLiteral("copyToken")));
        QCOMPARE(clip->text(), QStringLiteral("alpha-token"));
        QVERIFY(trigger(menu.get(), QStringLiteral("copyOwner")));
        QCOMPARE(clip->text(), QStringLiteral("alpha-token")); // no owner column: its token
        QVERIFY(trigger(menu.get(), QStringLiteral("copyJson")));
        const QJsonObject row = QJsonDocument::fromJson(clip->text().toUtf8()).object();
        QCOMPARE(row.value(QStringLiteral("Key")).toString(), QStringLiteral("jobs/a"));
        QCOMPARE(row.value(QStringLiteral("Token")).toString(), QStringLiteral("alpha-token"));
        QVERIFY(trigger(menu.get(), QStringLiteral("filterOwner")));
        QCOMPARE(tab->filterEdit()->text(), QStringLiteral("alpha-token"));
        QCOMPARE(tab->model()->rowCount(), 1);
        tab->filterEdit()->clear();

        // Force release from the menu: the owner-guarded path, on the row clicked only.
        menu.reset(tab->contextMenu(proxyIndexOfKey(tab, QStringLiteral("jobs/b"))));
        QVERIFY(trigger(menu.get(), QStringLiteral("forceRelease")));
        QTRY_COMPARE_WITH_TIMEOUT(m_prompter->told.size(), 1, 20000);
        QVERIFY(m_prompter->asked.first().contains(QLatin1String("jobs/b")));
        QVERIFY(!m_prompter->asked.first().contains(QLatin1String("jobs/a")));
        QCOMPARE(m_prompter->told.first(), QStringLiteral("jobs/b: released"));
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 1, 20000);
        QCOMPARE(w.leaseModel()->rowAt(0).key, QStringLiteral("jobs/a"));

        // A real right click, and the keyboard's Shift+F10, open the menu.
        const QRect rect = tab->view()->visualRect(proxyIndexOfKey(tab, QStringLiteral("jobs/a")));
        QContextMenuEvent click(QContextMenuEvent::Mouse, rect.center(),
                                tab->view()->viewport()->mapToGlobal(rect.center()));
        QApplication::sendEvent(tab->view()->viewport(), &click);
        QTRY_VERIFY(visibleMenu());
        QVERIFY(!visibleMenu()->actions().isEmpty());
        visibleMenu()->close();
        QTRY_VERIFY(!visibleMenu());
        QVERIFY(QTest::qWaitForWindowActive(&w));
        tab->view()->setFocus();
        tab->view()->setCurrentIndex(proxyIndexOfKey(tab, QStringLiteral("jobs/a")));
        QTest::keyClick(tab->view(), Qt::Key_F10, Qt::ShiftModifier);
        QTRY_VERIFY(visibleMenu());
        visibleMenu()->close();

        // Ctrl+C in the table: the selected rows as JSON.
        clip->clear();
        tab->view()->selectAll();
        QTest::keyClick(tab->view(), Qt::Key_C, Qt::ControlModifier);
        QVERIFY2(clip->text().contains(QLatin1String("\"Key\":\"jobs/a\"")),
                 qPrintable(clip->text()));
    }

    void advisoryRowMenu() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        std::unique_ptr<QProcess> holder(test::LockctlProcess::start(
            test::TestDb::urlFor(*params), {QStringLiteral("advisory-lock"), QStringLiteral("4242"),
                                            QStringLiteral("--hold"), QStringLiteral("60s")}));
        QVERIFY(holder->waitForReadyRead(30000));
        const int pid = QJsonDocument::fromJson(holder->readLine())
                            .object()
                            .value(QStringLiteral("pid"))
                            .toInt();
        MainWindow w;
        w.show();
        QVERIFY(connectWindow(w, *params));
        AdvisoryTab *tab = w.advisoryTab();
        tab->thisDatabaseOnly()->setChecked(true);
        QTRY_COMPARE_WITH_TIMEOUT(tab->proxy()->rowCount(), 1, 20000);
        std::unique_ptr<QMenu> menu(tab->contextMenu(tab->proxy()->index(0, 0)));
        QVERIFY(menu);
        QVERIFY(trigger(menu.get(), QStringLiteral("copyPid")));
        QCOMPARE(QApplication::clipboard()->text(), QString::number(pid));
        QVERIFY(trigger(menu.get(), QStringLiteral("copyKey")));
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("4242"));
        QVERIFY(trigger(menu.get(), QStringLiteral("copyApplication")));
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("lockctl"));
        QVERIFY(trigger(menu.get(), QStringLiteral("copyJson")));
        QCOMPARE(QJsonDocument::fromJson(QApplication::clipboard()->text().toUtf8())
                     .object()
                     .value(QStringLiteral("PID"))
                     .toVariant()
                     .toString(),
                 QString::number(pid));
        // Terminate from the menu: the existing confirmed action, on this session.
        QVERIFY(menu->actions().contains(tab->terminateAction()));
        QVERIFY(tab->terminateAction()->isEnabled());
        tab->terminateAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_prompter->told.size(), 1, 20000);
        QVERIFY(m_prompter->asked.first().contains(QString::number(pid)));
        QVERIFY2(m_prompter->told.first().contains(QLatin1String("signalled")),
                 qPrintable(m_prompter->told.first()));
        QTRY_COMPARE_WITH_TIMEOUT(tab->proxy()->rowCount(), 0, 20000);
        // lockctl may have exited already (its lock was lost): processId() is
        // then 0, and kill(0, …) would signal this test's whole process group.
        if (holder->state() != QProcess::NotRunning && holder->processId() > 0)
            ::kill(static_cast<pid_t>(holder->processId()), SIGTERM);
        holder->waitForFinished(10000);
    }

    void activityRowMenu() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        insert(params, QStringLiteral("stuck/one"), QStringLiteral("t1"));
        QVERIFY(AdminActions::forceRelease(params, QStringLiteral("stuck/one"),
                                           QStringLiteral("t1"), QStringLiteral("lockscope"))
                    .ok());
        MainWindow w;
        w.show();
        QVERIFY(connectWindow(w, params));
        ActivityTab *tab = w.activityTab();
        QTRY_VERIFY_WITH_TIMEOUT(tab->proxy()->rowCount() >= 1, 20000);
        std::unique_ptr<QMenu> menu(tab->contextMenu(tab->proxy()->index(0, 0)));
        QVERIFY(menu);
        QVERIFY(trigger(menu.get(), QStringLiteral("copyTarget")));
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("stuck/one"));
        QVERIFY(trigger(menu.get(), QStringLiteral("copyJson")));
        QCOMPARE(QJsonDocument::fromJson(QApplication::clipboard()->text().toUtf8())
                     .object()
                     .value(QStringLiteral("Action"))
                     .toString(),
                 QStringLiteral("force-release"));
        QVERIFY(trigger(menu.get(), QStringLiteral("filterUser")));
        QVERIFY(!tab->filterEdit()->text().isEmpty());
        QCOMPARE(tab->proxy()->rowCount(), 1);
        QVERIFY(trigger(menu.get(), QStringLiteral("filterTarget")));
        QCOMPARE(tab->filterEdit()->text(), QStringLiteral("stuck/one"));
    }

    // Every column says what it means (Fence, Remaining by the database clock, …).
    void columnHeadersHaveTooltips() {
        LeaseTableModel leases;
        AdvisoryTableModel advisory;
        AuditTableModel audit;
        for (const QAbstractItemModel *m : {static_cast<QAbstractItemModel *>(&leases),
                                            static_cast<QAbstractItemModel *>(&advisory),
                                            static_cast<QAbstractItemModel *>(&audit)}) {
            for (int c = 0; c < m->columnCount(); ++c) {
                const QString title = m->headerData(c, Qt::Horizontal).toString();
                const QString tip = m->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
                QVERIFY2(tip.size() > title.size() + 10, qPrintable(title));
            }
        }
        QVERIFY(leases.headerData(LeaseTableModel::Remaining, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("database's clock")));
        QVERIFY(leases.headerData(LeaseTableModel::Fence, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("strictly increases")));
    }

    // Every menu action is reachable from the keyboard and listed in Help ▸
    // Keyboard Shortcuts with its keys; no two share a shortcut.
    void everyActionHasKeys() {
        MainWindow w;
        w.show();
        QSet<QString> shortcuts;
        int actions = 0;
        for (QAction *top : w.menuBar()->actions()) {
            QVERIFY2(top->text().contains(QLatin1Char('&')), qPrintable(top->text()));
            for (QAction *a : top->menu()->actions()) {
                if (a->isSeparator())
                    continue;
                ++actions;
                QVERIFY2(a->text().contains(QLatin1Char('&')) || !a->shortcut().isEmpty(),
                         qPrintable(a->text()));
                if (a->shortcut().isEmpty())
                    continue;
                const QString key = a->shortcut().toString();
                QVERIFY2(!shortcuts.contains(key), qPrintable(key));
                shortcuts.insert(key);
            }
        }
        QVERIFY(actions >= 15);
        w.showShortcuts();
        QTableWidget *table = w.shortcutsDialog()->table();
        QVERIFY(table->isVisible());
        QStringList listed;
        for (int r = 0; r < table->rowCount(); ++r)
            listed << table->item(r, 1)->text();
        for (const QString &key : std::as_const(shortcuts)) {
            const QString native = QKeySequence(key).toString(QKeySequence::NativeText);
            QVERIFY2(listed.contains(native), qPrintable(native));
        }
        QVERIFY(listed.join(QLatin1Char(' ')).contains(QLatin1String("Shift+F10")));
        w.shortcutsDialog()->grab().save(
            test::TestDb::artifactPath(QStringLiteral("shortcuts.png")));
        w.shortcutsDialog()->close();

        // Ctrl+4 and Ctrl+1 switch tabs.
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(w.tabs()->currentIndex(), 3);
        QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(w.tabs()->currentIndex(), 0);
    }
};

QTEST_MAIN(TestRowMenus)
#include "tst_rowmenus.moc"
