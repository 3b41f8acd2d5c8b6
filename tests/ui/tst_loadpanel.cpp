// The Load tab starts and stops real runs offscreen; its charts and per-key
// table fill as samples arrive.
#include "db/database.h"
#include "lease/leasequeries.h"
#include "leases/leasetablemodel.h"
#include "load/loadcharts.h"
#include "load/loadpanel.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"
#include "support/testredis.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
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

// A short semaphore (2 permits) or reader-writer (4 readers, 2 writers) run on
// one key, so that holders meet; `control` is the counting admission or the
// run without a lock.
LoadConfig sharedRun(LoadMode mode, bool control) {
    LoadConfig c = shortRun(mode);
    c.keys = 1;
    c.holdMin = 5ms;
    c.holdMax = 10ms;
    c.duration = 3s;
    c.maxWait = 60s;
    // Child processes: the counting control over-admits between processes (the
    // threads of one process queue for a key), and the probe adds them all up.
    c.processes = 2;
    if (mode == LoadMode::Semaphore) {
        c.threads = 4;
        c.permits = 2;
        c.admitByCounting = control;
    } else {
        c.threads = 5;
        c.readers = 4;
        c.noLock = control;
    }
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

    // Semaphore and reader-writer runs from the panel, on a real SQLite file, on
    // PostgreSQL and on Redis: the chart, the per-key table and the summary show the most
    // holders inside at once against the permits, or the writer overlaps; the
    // controls (counting admission, no lock) show violations, so the figures
    // can fail.
    void sharedModes_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("control");
        for (const char *backend : {"sqlite", "postgres", "redis"}) {
            const QString b = QString::fromLatin1(backend);
            auto tag = [&](const char *what) -> QByteArray {
                return QByteArray(backend) + ' ' + what;
            };
            QTest::newRow(tag("semaphore").constData()) << b << int(LoadMode::Semaphore) << false;
            QTest::newRow(tag("semaphore counting").constData())
                << b << int(LoadMode::Semaphore) << true;
            QTest::newRow(tag("rw").constData()) << b << int(LoadMode::Rw) << false;
            QTest::newRow(tag("rw no lock").constData()) << b << int(LoadMode::Rw) << true;
        }
    }
    void sharedModes() {
        QFETCH(QString, backend);
        QString why;
        const auto fresh = backend == QLatin1String("redis") ? test::TestRedis::fresh(&why)
                                                             : test::TestDb::fresh(backend, &why);
        if (!fresh)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const ConnectionParams params = *fresh;
        QFETCH(int, mode);
        QFETCH(bool, control);
        const bool semaphore = LoadMode(mode) == LoadMode::Semaphore;
        LoadPanel panel;
        panel.resize(1280, 820);
        panel.show();
        QAbstractItemModelTester tester(panel.keyTable()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setLockctlPath(test::LockctlProcess::path());
        panel.setConnection(params);
        panel.setConfig(sharedRun(LoadMode(mode), control));
        QCOMPARE(panel.config().processes, 2);
        QVERIFY(panel.problemLabel()->isHidden());
        QVERIFY(panel.startButton()->isEnabled());
        QSignalSpy samples(&panel, &LoadPanel::sampled);
        QSignalSpy finished(&panel, &LoadPanel::finished);
        panel.start();
        QVERIFY(panel.isRunning());
        QVERIFY(panel.charts()->showsInside());
        QVERIFY(panel.charts()->insideTitle().contains(semaphore ? QLatin1String("2 permit(s)")
                                                                 : QLatin1String("overlaps")));
        QTRY_VERIFY_WITH_TIMEOUT(panel.charts()->lastInsidePoint() >= 0, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY(panel.lastSummary().has_value());
        const LoadSummary &s = *panel.lastSummary();
        const QString text = panel.summaryLabel()->text();
        qInfo("%s", qPrintable(text));
        QVERIFY2(s.firstError.isEmpty(), qPrintable(s.firstError));
        QVERIFY(s.acquisitions > 10);
        QCOMPARE(s.leftoverLeases, 0);
        QCOMPARE(panel.keyTable()->rowCount(), 1);
        QCOMPARE(panel.keyTable()->isColumnHidden(6), !semaphore);
        QCOMPARE(panel.keyTable()->horizontalHeaderItem(5)->text(),
                 semaphore ? QStringLiteral("Violations") : QStringLiteral("Overlaps"));
        const QLocale l;
        QCOMPARE(panel.keyTable()->item(0, 5)->text(), l.toString(s.violations));
        // The live chart read the same probe as the summary, a little earlier.
        const double lastPoint = panel.charts()->lastInsidePoint();
        if (semaphore) {
            QCOMPARE(s.permits, 2);
            QCOMPARE(panel.keyTable()->item(0, 6)->text(), l.toString(s.maxInside));
            QVERIFY(lastPoint >= 1 && lastPoint <= double(s.maxInside));
            if (control) {
                QVERIFY2(s.maxInside > 2, qPrintable(text));
                QVERIFY(s.violations > 0);
                QVERIFY(text.contains(QLatin1String("admitting by counting")));
            } else {
                QVERIFY2(s.maxInside >= 1 && s.maxInside <= 2, qPrintable(text));
                QCOMPARE(s.violations, 0);
                QVERIFY(text.contains(QLatin1String("0 violations: the semaphore held.")));
            }
            QVERIFY(text.contains(
                QStringLiteral("At most %1 holder(s) were inside one key at once, with 2 permit(s)")
                    .arg(s.maxInside)));
        } else {
            QVERIFY(lastPoint <= double(s.overlaps));
            QVERIFY(s.readWait.count() > 0);
            QVERIFY(s.writeWait.count() > 0);
            QCOMPARE(s.violations, s.overlaps);
            if (control) {
                QVERIFY2(s.overlaps > 0, qPrintable(text));
                QVERIFY(text.contains(QLatin1String("without a lock")));
            } else {
                QCOMPARE(s.overlaps, 0);
                QVERIFY(text.contains(QLatin1String("0 overlaps")));
            }
            QVERIFY(
                text.contains(QStringLiteral("3 process(es) × 5 threads (4 reading, 1 writing)")));
        }
        if (QLatin1String(QTest::currentDataTag()) == QLatin1String("sqlite semaphore"))
            panel.grab().save(test::TestDb::artifactPath(QStringLiteral("load-semaphore.png")));
        if (QLatin1String(QTest::currentDataTag()) == QLatin1String("sqlite semaphore counting"))
            panel.grab().save(
                test::TestDb::artifactPath(QStringLiteral("load-semaphore-counting.png")));
        if (QLatin1String(QTest::currentDataTag()) == QLatin1String("sqlite rw"))
            panel.grab().save(test::TestDb::artifactPath(QStringLiteral("load-rw.png")));
    }

    // The permits, readers and writers show only for the mode that uses them;
    // a reader-writer run without threads is a sentence and a disabled Start,
    // never a run or a crash.
    void fieldsFollowTheMode() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        LoadPanel panel;
        panel.show();
        panel.setConnection(params);
        auto *mode = panel.findChild<QComboBox *>();
        QVERIFY(mode);
        auto rows = [&] {
            return QList<bool>{
                panel.showsRow(panel.permitsField()), panel.showsRow(panel.countingField()),
                panel.showsRow(panel.threadsField()), panel.showsRow(panel.readersField()),
                panel.showsRow(panel.writersField()), panel.showsRow(panel.noLockField())};
        };
        mode->setCurrentIndex(mode->findData(int(LoadMode::Lease)));
        QCOMPARE(rows(), (QList<bool>{false, false, true, false, false, false}));
        mode->setCurrentIndex(mode->findData(int(LoadMode::Semaphore)));
        QCOMPARE(rows(), (QList<bool>{true, true, true, false, false, false}));
        mode->setCurrentIndex(mode->findData(int(LoadMode::Rw)));
        QCOMPARE(rows(), (QList<bool>{false, false, false, true, true, true}));

        auto *readers = qobject_cast<QSpinBox *>(panel.readersField());
        auto *writers = qobject_cast<QSpinBox *>(panel.writersField());
        readers->setValue(3);
        writers->setValue(1);
        QCOMPARE(panel.config().threads, 4);
        QCOMPARE(panel.config().readers, 3);
        QVERIFY(panel.problemLabel()->isHidden());
        QVERIFY(panel.startButton()->isEnabled());
        readers->setValue(0);
        writers->setValue(0);
        QVERIFY(!panel.problemLabel()->isHidden());
        QCOMPARE(
            panel.problemLabel()->text(),
            QStringLiteral("A reader-writer run needs at least one reader or one writer thread."));
        QVERIFY(!panel.startButton()->isEnabled());
        panel.start(); // as a script or a shortcut would: the sentence, no run
        QVERIFY(!panel.isRunning());
        QCOMPARE(panel.summaryLabel()->text(), panel.problemLabel()->text());
        readers->setValue(200);
        writers->setValue(100);
        QVERIFY(panel.problemLabel()->text().contains(QLatin1String("300 threads")));
        QVERIFY(!panel.startButton()->isEnabled());
        writers->setValue(1);
        QVERIFY(panel.problemLabel()->isHidden());
        QVERIFY(panel.startButton()->isEnabled());

        // A config from elsewhere round-trips; out-of-range permits are clamped,
        // not a crash.
        LoadConfig rw = sharedRun(LoadMode::Rw, true);
        panel.setConfig(rw);
        QCOMPARE(panel.config().threads, 5);
        QCOMPARE(panel.config().readers, 4);
        QVERIFY(panel.config().noLock);
        LoadConfig sem = sharedRun(LoadMode::Semaphore, true);
        sem.permits = 0;
        panel.setConfig(sem);
        QCOMPARE(panel.config().permits, 1);
        QVERIFY(panel.config().admitByCounting);
        QVERIFY(!panel.config().noLock);
        QVERIFY(panel.config().validate(false).ok());
        // The control boxes belong to their own mode only.
        mode->setCurrentIndex(mode->findData(int(LoadMode::Lease)));
        QVERIFY(!panel.config().admitByCounting);
        QVERIFY(!panel.config().noLock);
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
