// The window remembers its layout across a restart (geometry, columns' widths,
// order, visibility and sort, splitters, filters, interval, tab) and the last
// profile; View ▸ Reset layout goes back to the layout as built. Settings live
// in a private temporary directory, never the user's.
#include "activity/activitytab.h"
#include "advisory/advisoryfilterproxy.h"
#include "advisory/advisorytab.h"
#include "connection/profilestore.h"
#include "inspector/inspectorrefresher.h"
#include "leases/leasestab.h"
#include "leases/leasetablemodel.h"
#include "load/loadpanel.h"
#include "support/testdb.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace lockscope;
using namespace lockscope::ui;

namespace {

QAction *menuAction(MainWindow &w, const QString &name) {
    for (QAction *top : w.menuBar()->actions()) {
        for (QAction *a : top->menu()->actions()) {
            if (a->objectName() == name)
                return a;
        }
    }
    return nullptr;
}

} // namespace

class TestWindowMemory final : public QObject {
    Q_OBJECT

    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-memory"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QVERIFY(QSettings().fileName().startsWith(m_settings.path()));
    }
    void init() { QSettings().clear(); }

    void layoutSurvivesARestart() {
        QList<int> advisorySizes;
        QList<int> loadSizes;
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.resize(1000, 640);
            QHeaderView *leases = w.leasesTab()->view()->horizontalHeader();
            leases->moveSection(leases->visualIndex(LeaseTableModel::Token), 0);
            leases->setSectionHidden(LeaseTableModel::Fence, true);
            leases->resizeSection(LeaseTableModel::Key, 333);
            w.leasesTab()->view()->sortByColumn(LeaseTableModel::Remaining, Qt::DescendingOrder);
            w.activityTab()->view()->horizontalHeader()->resizeSection(0, 222);
            w.tabs()->setCurrentWidget(w.advisoryTab());
            auto *advisory = w.findChild<QSplitter *>(QStringLiteral("advisorySplitter"));
            advisory->setSizes({100, 300});
            advisorySizes = advisory->sizes();
            w.tabs()->setCurrentWidget(w.loadPanel());
            auto *load = w.findChild<QSplitter *>(QStringLiteral("loadSplitter"));
            load->setSizes({600, 300});
            loadSizes = load->sizes();
            w.intervalBox()->setValue(7);
            w.leasesTab()->filterEdit()->setText(QStringLiteral("jobs/*"));
            w.leasesTab()->stateCombo()->setCurrentIndex(1);
            w.activityTab()->filterEdit()->setText(QStringLiteral("sweep"));
            w.advisoryTab()->thisDatabaseOnly()->setChecked(true);
            w.advisoryTab()->filterEdit()->setText(QStringLiteral("billing"));
            w.tabs()->setCurrentWidget(w.activityTab());
            w.close();
        }
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), QSize(1000, 640));
        QHeaderView *leases = w.leasesTab()->view()->horizontalHeader();
        QCOMPARE(leases->visualIndex(LeaseTableModel::Token), 0);
        QVERIFY(leases->isSectionHidden(LeaseTableModel::Fence));
        QCOMPARE(leases->sectionSize(LeaseTableModel::Key), 333);
        QCOMPARE(leases->sortIndicatorSection(), int(LeaseTableModel::Remaining));
        QCOMPARE(leases->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(w.leasesTab()->model()->sortColumn(), int(LeaseTableModel::Remaining));
        QCOMPARE(w.leasesTab()->model()->sortOrder(), Qt::DescendingOrder);
        QCOMPARE(w.activityTab()->view()->horizontalHeader()->sectionSize(0), 222);
        QCOMPARE(w.intervalBox()->value(), 7);
        QCOMPARE(w.refresher()->interval(), std::chrono::milliseconds(7000));
        QCOMPARE(w.leasesTab()->filterEdit()->text(), QStringLiteral("jobs/*"));
        QCOMPARE(w.leasesTab()->model()->filterText(), QStringLiteral("jobs/*"));
        QCOMPARE(w.leasesTab()->stateCombo()->currentIndex(), 1);
        QCOMPARE(w.activityTab()->filterEdit()->text(), QStringLiteral("sweep"));
        QVERIFY(w.advisoryTab()->thisDatabaseOnly()->isChecked());
        QCOMPARE(w.advisoryTab()->filterEdit()->text(), QStringLiteral("billing"));
        QCOMPARE(static_cast<AdvisoryFilterProxy *>(w.advisoryTab()->proxy())->filterText(),
                 QStringLiteral("billing"));
        QCOMPARE(w.tabs()->currentWidget(), w.activityTab());
        w.tabs()->setCurrentWidget(w.advisoryTab());
        QCOMPARE(w.findChild<QSplitter *>(QStringLiteral("advisorySplitter"))->sizes(),
                 advisorySizes);
        w.tabs()->setCurrentWidget(w.loadPanel());
        QCOMPARE(w.findChild<QSplitter *>(QStringLiteral("loadSplitter"))->sizes(), loadSizes);
    }

    void resetLayoutGoesBackToTheDefaults() {
        {
            MainWindow w;
            w.show();
            QHeaderView *leases = w.leasesTab()->view()->horizontalHeader();
            leases->moveSection(leases->visualIndex(LeaseTableModel::Token), 0);
            leases->setSectionHidden(LeaseTableModel::Owner, true);
            leases->resizeSection(LeaseTableModel::Key, 400);
            w.intervalBox()->setValue(9);
            w.leasesTab()->filterEdit()->setText(QStringLiteral("x"));
            w.advisoryTab()->filterEdit()->setText(QStringLiteral("y"));
            w.close();
        }
        MainWindow w;
        w.show();
        QHeaderView *leases = w.leasesTab()->view()->horizontalHeader();
        QVERIFY(leases->isSectionHidden(LeaseTableModel::Owner));
        QAction *reset = menuAction(w, QStringLiteral("resetLayout"));
        QVERIFY(reset);
        reset->trigger();
        QCOMPARE(leases->visualIndex(LeaseTableModel::Token), int(LeaseTableModel::Token));
        QVERIFY(!leases->isSectionHidden(LeaseTableModel::Owner));
        QCOMPARE(leases->sectionSize(LeaseTableModel::Key), 260);
        QCOMPARE(leases->sortIndicatorSection(), int(LeaseTableModel::Key));
        QCOMPARE(w.intervalBox()->value(), 2);
        QVERIFY(w.leasesTab()->filterEdit()->text().isEmpty());
        QVERIFY(w.advisoryTab()->filterEdit()->text().isEmpty());
        QCOMPARE(w.size(), QSize(1280, 760));
        QSettings settings;
        settings.beginGroup(QStringLiteral("window"));
        QVERIFY(settings.childKeys().isEmpty());
    }

    void reconnectsToTheLastProfile() {
        MainWindow none;
        QVERIFY(!none.connectToLastProfile()); // nothing saved yet
        ProfileStore::setLastProfile(QStringLiteral("embedded"));
        QVERIFY(!none.connectToLastProfile()); // the embedded database is the default anyway

        const ConnectionParams params = test::TestDb::freshSqlite();
        ProfileStore::save({QStringLiteral("mine"), params, false});
        {
            MainWindow w;
            QSignalSpy connected(&w, &MainWindow::connected);
            w.connectTo(params, QStringLiteral("mine"));
            QVERIFY(connected.wait(30000));
            w.close();
        }
        QCOMPARE(ProfileStore::lastProfile(), QStringLiteral("mine"));
        MainWindow w;
        QSignalSpy connected(&w, &MainWindow::connected);
        QVERIFY(w.connectToLastProfile(true));
        QVERIFY(connected.wait(30000));
        QCOMPARE(w.session()->profileName, QStringLiteral("mine"));
        QCOMPARE(w.session()->params.sqlitePath, params.sqlitePath);
        QVERIFY(w.session()->profileReadOnly); // --read-only wins over the profile
    }
};

QTEST_MAIN(TestWindowMemory)
#include "tst_windowmemory.moc"
