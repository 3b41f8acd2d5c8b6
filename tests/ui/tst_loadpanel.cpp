// The Load tab starts and stops real runs offscreen; its charts and per-key
// table fill as samples arrive.
#include "db/database.h"
#include "lease/leasequeries.h"
#include "leases/leasetablemodel.h"
#include "load/loadcharts.h"
#include "load/loadpanel.h"
#include "support/testdb.h"
#include "window/mainwindow.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace lockscope;
using namespace lockscope::ui;
using namespace std::chrono_literals;

namespace {

LoadConfig shortRun(LoadMode mode) {
    LoadConfig c;
    c.mode = mode;
    c.threads = 4;
    c.processes = 0;
    c.keys = 3;
    c.holdMin = 2ms;
    c.holdMax = 8ms;
    c.duration = 2s;
    return c;
}

} // namespace

class TestLoadPanel final : public QObject {
    Q_OBJECT

    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }

    void runsAndFillsCharts_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("mode");
        QTest::newRow("sqlite lease") << QStringLiteral("sqlite") << int(LoadMode::Lease);
        QTest::newRow("postgres advisory") << QStringLiteral("postgres") << int(LoadMode::Advisory);
        QTest::newRow("sqlite none") << QStringLiteral("sqlite") << int(LoadMode::None);
    }
    void runsAndFillsCharts() {
        LOCKSCOPE_FRESH_DB(params);
        QFETCH(int, mode);
        LoadPanel panel;
        panel.resize(1200, 700);
        panel.show();
        panel.setConnection(params);
        panel.setConfig(shortRun(LoadMode(mode)));
        QSignalSpy samples(&panel, &LoadPanel::sampled);
        QSignalSpy finished(&panel, &LoadPanel::finished);
        panel.start();
        QVERIFY(panel.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!samples.isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(panel.charts()->pointCount() >= 3, 10000);
        QVERIFY(panel.keyTable()->rowCount() == 3);
        if (LoadMode(mode) == LoadMode::Lease)
            panel.grab().save(test::TestDb::artifactPath(QStringLiteral("load-running.png")));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
        QVERIFY(!panel.isRunning());
        QVERIFY(panel.lastSummary().has_value());
        const LoadSummary &s = *panel.lastSummary();
        QVERIFY(s.acquisitions > 0);
        QCOMPARE(s.leftoverLeases, 0);
        if (LoadMode(mode) == LoadMode::None)
            QVERIFY(s.violations > 0);
        else
            QCOMPARE(s.violations, 0);
        QVERIFY(panel.summaryLabel()->text().contains(QLatin1String("acquired")));
    }

    void stopEndsTheRunAtOnce() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        LoadPanel panel;
        panel.setConnection(params);
        LoadConfig c = shortRun(LoadMode::Lease);
        c.duration = 600s;
        c.holdMin = c.holdMax = 100ms;
        panel.setConfig(c);
        QSignalSpy samples(&panel, &LoadPanel::sampled);
        QSignalSpy finished(&panel, &LoadPanel::finished);
        panel.start();
        QTRY_VERIFY_WITH_TIMEOUT(!samples.isEmpty(), 10000);
        QElapsedTimer clock;
        clock.start();
        panel.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 5000);
        QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(panel.lastSummary()->leftoverLeases, 0);
        ScopedConnection conn(params, QStringLiteral("check"));
        QCOMPARE(LeaseQueries::snapshot(conn.db(), params)->rows.size(), 0);
    }

    // While a run goes on, its leases appear in the Leases tab of the same window.
    void leasesShowInTheInspectorWhileRunning() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        MainWindow w;
        w.resize(1280, 760);
        w.show();
        QSignalSpy connected(&w, &MainWindow::connected);
        w.connectTo(params);
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 20000);
        LoadConfig c = shortRun(LoadMode::Lease);
        c.holdMin = c.holdMax = 300ms;
        c.duration = 4s;
        w.loadPanel()->setConfig(c);
        w.tabs()->setCurrentWidget(w.loadPanel());
        QSignalSpy finished(w.loadPanel(), &LoadPanel::finished);
        w.loadPanel()->start();
        QTRY_VERIFY_WITH_TIMEOUT(w.leaseModel()->rowCount() > 0, 10000);
        QVERIFY(w.leaseModel()->rowAt(0).key.startsWith(QLatin1String("load/")));
        QTRY_VERIFY_WITH_TIMEOUT(w.loadPanel()->charts()->pointCount() >= 4, 10000);
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("load-tab.png")));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
    }
};

QTEST_MAIN(TestLoadPanel)
#include "tst_loadpanel.moc"
