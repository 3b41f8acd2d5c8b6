// The first five minutes, as a real window on the offscreen platform: every
// empty view says what would be there and offers the next step, and each of
// those buttons does what it says; the demo runs on the embedded database,
// stops by itself, says what it showed and leaves no lease behind.
#include "activity/activitytab.h"
#include "advisory/advisorytab.h"
#include "advisory/advisorytablemodel.h"
#include "common/emptystate.h"
#include "common/prompter.h"
#include "connection/connectiondialog.h"
#include "db/database.h"
#include "inspector/inspectorrefresher.h"
#include "lease/leasequeries.h"
#include "leases/leasestab.h"
#include "leases/leasetablemodel.h"
#include "load/demorun.h"
#include "load/loadpanel.h"
#include "support/testdb.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <chrono>
#include <set>

using namespace lockscope;
using namespace lockscope::ui;
using namespace std::chrono_literals;

namespace {

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

QPushButton *button(EmptyState *state, const QString &name) {
    for (QPushButton *b : state->buttons()) {
        if (b->objectName() == name)
            return b;
    }
    return nullptr;
}

bool connectWindow(MainWindow &w, const ConnectionParams &p, const QString &profile) {
    QSignalSpy connected(&w, &MainWindow::connected);
    QSignalSpy refreshed(w.refresher(), &InspectorRefresher::refreshed);
    w.connectTo(p, profile);
    return connected.wait(30000) && (refreshed.size() > 0 || refreshed.wait(30000));
}

void insert(const ConnectionParams &p, const QString &key, int expiresIn) {
    QVERIFY(test::TestDb::exec(
        p, QStringLiteral("INSERT INTO aggregate_locks VALUES ('%1', 'tok', %2 - 60, %2 + %3)")
               .arg(key, Database::nowSql(p.driver))
               .arg(expiresIn)));
}

int leaseRowsIn(const ConnectionParams &params) {
    ScopedConnection conn(params, QStringLiteral("firstrun-check"));
    auto snapshot = LeaseQueries::snapshot(conn.db(), params);
    return snapshot.ok() ? int(snapshot->rows.size()) : -1;
}

} // namespace

class TestFirstRun final : public QObject {
    Q_OBJECT

    ScriptedPrompter *m_prompter = nullptr;
    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase() {
        // Never the user's settings or data: a private, throw-away location.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-firstrun"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    }
    void init() {
        m_prompter = new ScriptedPrompter;
        Prompter::install(m_prompter);
    }
    void cleanup() { Prompter::install(nullptr); }

    // Before any connection: every view says so and its button opens the dialog.
    void notConnectedOffersTheConnectionDialog() {
        MainWindow w;
        w.show();
        QVERIFY(w.leasesTab()->showsEmptyState());
        QCOMPARE(w.leasesTab()->emptyState()->title(), QStringLiteral("Not connected"));
        QPushButton *connect = button(w.leasesTab()->emptyState(), QStringLiteral("emptyConnect"));
        QVERIFY(connect);
        QVERIFY(connect->isVisible());
        bool sawDialog = false;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &w, [&] {
            for (QWidget *top : QApplication::topLevelWidgets()) {
                auto *dialog = qobject_cast<ConnectionDialog *>(top);
                if (dialog && dialog->isVisible()) {
                    sawDialog = true;
                    dialog->reject();
                }
            }
        });
        poll.start(20);
        connect->click();
        QVERIFY(sawDialog);
        QVERIFY(w.activityTab()->showsEmptyState());
        QVERIFY(button(w.activityTab()->emptyState(), QStringLiteral("emptyConnect")));
        QVERIFY(w.advisoryTab()->showsEmptyState());
    }

    // First start on the embedded database: no grid of empty columns, but a demo
    // and a connection to offer; advisory locks are not offered at all.
    void embeddedDatabaseOffersDemoAndConnect() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        MainWindow w;
        w.resize(1100, 650);
        w.show();
        QVERIFY(connectWindow(w, params, QStringLiteral("embedded")));
        QTRY_COMPARE(w.leasesTab()->emptyState()->title(), QStringLiteral("No leases yet"));
        QVERIFY(w.leasesTab()->showsEmptyState());
        QVERIFY(button(w.leasesTab()->emptyState(), QStringLiteral("emptyDemo")));
        QVERIFY(button(w.leasesTab()->emptyState(), QStringLiteral("emptyConnect")));
        const int advisory = w.tabs()->indexOf(w.advisoryTab());
        QVERIFY(!w.tabs()->isTabEnabled(advisory));
        QVERIFY(w.tabs()->tabToolTip(advisory).contains(QLatin1String("only on PostgreSQL")));
        QTest::qWait(100);
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("firstrun-embedded.png")));

        // The Activity tab's button leads to where the actions are.
        w.tabs()->setCurrentWidget(w.activityTab());
        QTRY_VERIFY(w.activityTab()->showsEmptyState());
        QPushButton *showLeases =
            button(w.activityTab()->emptyState(), QStringLiteral("emptyShowLeases"));
        QVERIFY(showLeases);
        showLeases->click();
        QCOMPARE(w.tabs()->currentWidget(), w.leasesTab());
    }

    // Rows hidden by the filter: the view says so and clears the filter on request.
    void filteredOutOffersToClearTheFilter() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        insert(params, QStringLiteral("jobs/a"), 600);
        MainWindow w;
        w.show();
        QVERIFY(connectWindow(w, params, QStringLiteral("test")));
        QTRY_COMPARE(w.leaseModel()->rowCount(), 1);
        QVERIFY(!w.leasesTab()->showsEmptyState());
        QTest::keyClicks(w.leasesTab()->filterEdit(), QStringLiteral("nothing/like/this"));
        QVERIFY(w.leasesTab()->showsEmptyState());
        QCOMPARE(w.leasesTab()->emptyState()->title(),
                 QStringLiteral("No lease matches the filter"));
        QPushButton *clear =
            button(w.leasesTab()->emptyState(), QStringLiteral("emptyClearFilter"));
        QVERIFY(clear);
        clear->click();
        QVERIFY(w.leasesTab()->filterEdit()->text().isEmpty());
        QVERIFY(!w.leasesTab()->showsEmptyState());
        QCOMPARE(w.leasesTab()->model()->rowCount(), 1);
    }

    // Another database with no leases: what a lease is and how to make one; the
    // demo asks before it writes there.
    void serverWithoutLeasesTeachesLockctl() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        MainWindow w;
        w.show();
        QVERIFY(connectWindow(w, params, QStringLiteral("test")));
        QTRY_COMPARE(w.leasesTab()->emptyState()->title(),
                     QStringLiteral("No leases in this database"));
        QVERIFY(w.leasesTab()->emptyState()->text().contains(QLatin1String("lockctl --db")));
        QPushButton *copy = button(w.leasesTab()->emptyState(), QStringLiteral("emptyCopyCommand"));
        QVERIFY(copy);
        QApplication::clipboard()->clear();
        copy->click();
        const QString command = QApplication::clipboard()->text();
        QVERIFY2(command.startsWith(QLatin1String("lockctl --db '")) &&
                     command.contains(QLatin1String(" acquire ")),
                 qPrintable(command));
        m_prompter->answer = false;
        QPushButton *demo = button(w.leasesTab()->emptyState(), QStringLiteral("emptyDemo"));
        QVERIFY(demo);
        demo->click();
        QCOMPARE(m_prompter->asked.size(), 1);
        QVERIFY(m_prompter->asked.first().contains(params.displayUrl()));
        QVERIFY(!w.demo()->isRunning());
        QVERIFY(!w.loadPanel()->isRunning());
    }

    // PostgreSQL: the advisory view is offered, and empty it says how to fill it.
    void advisoryEmptyStateOnPostgres() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        MainWindow w;
        w.show();
        QVERIFY(connectWindow(w, *params, QStringLiteral("pg")));
        QVERIFY(w.tabs()->isTabEnabled(w.tabs()->indexOf(w.advisoryTab())));
        w.tabs()->setCurrentWidget(w.advisoryTab());
        w.advisoryTab()->thisDatabaseOnly()->setChecked(true); // a fresh database: none here
        w.refresher()->refreshNow();
        QTRY_VERIFY(w.advisoryTab()->showsEmptyState());
        EmptyState *empty = w.advisoryTab()->emptyState();
        if (QPushButton *all = button(empty, QStringLiteral("emptyAllDatabases"))) {
            // Tests beside this one hold advisory locks in their own databases.
            all->click();
            QVERIFY(!w.advisoryTab()->thisDatabaseOnly()->isChecked());
            QVERIFY(!w.advisoryTab()->showsEmptyState());
            return;
        }
        QCOMPARE(empty->title(), QStringLiteral("No advisory lock is held or awaited"));
        QVERIFY(empty->text().contains(QLatin1String("advisory-lock 42")));
        QPushButton *load = button(empty, QStringLiteral("emptyAdvisoryLoad"));
        QVERIFY(load);
        load->click();
        QCOMPARE(w.tabs()->currentWidget(), w.loadPanel());
        QCOMPARE(w.loadPanel()->config().mode, LoadMode::Advisory);
    }

    // The demo from the embedded database's empty state: leases appear and change
    // hands, then the control loses updates; it stops by itself and says so.
    void demoRunsStopsAndLeavesNoLease() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        MainWindow w;
        w.resize(1100, 650);
        w.show();
        QVERIFY(connectWindow(w, params, QStringLiteral("embedded")));
        QTRY_VERIFY(button(w.leasesTab()->emptyState(), QStringLiteral("emptyDemo")));
        w.demo()->setDurations(4s, 3s);
        // Owners seen per key: a lease that changes hands shows another token.
        std::map<QString, std::set<QString>> owners;
        QObject::connect(w.refresher(), &InspectorRefresher::refreshed, &w, [&] {
            for (const LeaseRow &row : w.leaseModel()->allRows())
                owners[row.key].insert(row.token);
        });
        QSignalSpy finished(w.demo(), &DemoRun::finished);
        button(w.leasesTab()->emptyState(), QStringLiteral("emptyDemo"))->click();
        QVERIFY(m_prompter->asked.isEmpty()); // the embedded database: no question
        QVERIFY(w.demo()->isRunning());
        QVERIFY(w.loadPanel()->isRunning());
        QCOMPARE(w.tabs()->currentWidget(), w.leasesTab());
        QTRY_VERIFY_WITH_TIMEOUT(w.leaseModel()->rowCount() > 0, 15000);
        QVERIFY(!w.leasesTab()->showsEmptyState());
        QVERIFY(w.bannerText()->isVisible());
        QVERIFY(w.bannerText()->text().contains(QLatin1String("part 1 of 2")));
        QTest::qWait(300);
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("demo-running.png")));
        QTRY_VERIFY_WITH_TIMEOUT(
            w.demo()->phase() == DemoRun::Phase::Control || !finished.isEmpty(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000); // nobody calls stop()
        QVERIFY(!w.demo()->isRunning());
        QVERIFY(!w.loadPanel()->isRunning());
        bool handedOver = false;
        for (const auto &[key, tokens] : owners)
            handedOver = handedOver || tokens.size() >= 2;
        QVERIFY2(handedOver, "no key was seen with a second owner");
        QVERIFY(w.demo()->leaseSummary().has_value());
        QVERIFY(w.demo()->controlSummary().has_value());
        QCOMPARE(w.demo()->leaseSummary()->violations, 0);
        QVERIFY(w.demo()->controlSummary()->violations > 0); // the control loses updates
        const QString summary = finished.first().first().toString();
        QVERIFY2(summary.contains(QLatin1String("Every update counted")), qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("lost")), qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("No lease of the demo is left behind")),
                 qPrintable(summary));
        QCOMPARE(w.bannerText()->text(), summary);
        QCOMPARE(leaseRowsIn(params), 0);
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 0, 15000);
        w.tabs()->setCurrentWidget(w.loadPanel());
        QTest::qWait(100);
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("demo-finished.png")));
        // The Load tab's own settings are back as they were.
        QCOMPARE(w.loadPanel()->config().threads, 8);
    }

    // Stopped half-way: ends at once, says what ran, leaves nothing behind.
    void demoStoppedEarlyLeavesNoLease() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        MainWindow w;
        QVERIFY(connectWindow(w, params, QStringLiteral("embedded")));
        w.demo()->setDurations(120s, 120s);
        QSignalSpy finished(w.demo(), &DemoRun::finished);
        w.startDemo();
        QVERIFY(w.demo()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(w.leaseModel()->rowCount() > 0, 15000);
        w.demo()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 15000);
        QVERIFY(!w.demo()->controlSummary().has_value());
        QVERIFY(finished.first().first().toString().contains(QLatin1String("skipped")));
        QCOMPARE(leaseRowsIn(params), 0);
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
