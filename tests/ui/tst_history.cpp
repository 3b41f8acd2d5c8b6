// The history: every refresh of the real window is sampled (leases, advisory
// locks, sessions waiting on any lock) into LockScope's own SQLite file under
// AppDataLocation (a temporary XDG_DATA_HOME here), read back by a second
// window after the first one is gone; pruning by age and rows; the History tab's
// zoom and its CSV export of the range shown; peaks kept when a long range is
// thinned. Saves a screenshot of the tab.
#include "db/database.h"
#include "history/historytab.h"
#include "inspector/inspectorrefresher.h"
#include "monitor/historycsv.h"
#include "monitor/historystore.h"
#include "monitor/monitor.h"
#include "support/pgsession.h"
#include "support/privateserver.h"
#include "support/testdb.h"
#include "window/mainwindow.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace lockscope;
using namespace lockscope::ui;
using test::PgSession;

namespace {

double nowS() {
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

QString connectWindow(MainWindow &w, const ConnectionParams &p, const QString &profile) {
    QSignalSpy connected(&w, &MainWindow::connected);
    QSignalSpy failed(&w, &MainWindow::connectionFailed);
    w.connectTo(p, profile);
    QElapsedTimer waited;
    waited.start();
    while (connected.isEmpty() && failed.isEmpty() && waited.elapsed() < 30000)
        QTest::qWait(20);
    if (!connected.isEmpty())
        return QString();
    return failed.isEmpty() ? QStringLiteral("no outcome") : failed.first().first().toString();
}

MonitorSample sampleAt(double t, int waiting, int held) {
    MonitorSample s;
    s.time = t;
    s.waiting = waiting;
    s.blockers = waiting > 0 ? 1 : 0;
    s.longestWait = waiting * 1.5;
    s.heldLeases = held;
    s.expiredLeases = 1;
    s.advisoryHeld = 2;
    s.advisoryWaiting = 0;
    return s;
}

} // namespace

class TestHistory final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_data;

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-history-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
        QVERIFY2(HistoryStore::defaultPath().startsWith(m_data.path()),
                 qPrintable(HistoryStore::defaultPath()));
    }

    // The window samples every refresh into its own file; a new window reads it.
    void keptAcrossAWindowRestart() {
        // A server of the test's own: a sample counts waiting sessions and
        // blockers server-wide, and other tests leave waiters on the shared one.
        test::PrivateServer server;
        if (!server.ok())
            LOCKSCOPE_SKIP_OR_FAIL(server.error());
        QString why;
        const std::optional<ConnectionParams> params = server.freshDatabase(&why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const QString now = Database::nowSql(params->driver);
        QVERIFY(test::TestDb::exec(
            *params,
            QStringLiteral("INSERT INTO aggregate_locks VALUES ('a', 't1', %1 - 60, %1 + "
                           "600), ('b', 't2', %1 - 60, %1 + 600), ('old', 't3', %1 - "
                           "900, %1 - 300); CREATE TABLE jobs (id int)")
                .arg(now),
            &why));
        const QString url = test::TestDb::urlFor(*params);
        PgSession holder(url, QStringLiteral("holder"));
        PgSession waiter(url, QStringLiteral("waiter"));
        QVERIFY(holder.ok() && waiter.ok());
        QVERIFY(holder.exec(QStringLiteral("SELECT pg_advisory_lock(7)")));
        QVERIFY(holder.exec(QStringLiteral("BEGIN")));
        QVERIFY(holder.exec(QStringLiteral("LOCK TABLE jobs")));
        QVERIFY(waiter.send(QStringLiteral("SELECT count(*) FROM jobs")));

        const QString file = HistoryStore::defaultPath();
        QFile::remove(file);
        int written = 0;
        {
            MainWindow w;
            QCOMPARE(w.monitor()->historyPath(), file);
            w.refresher()->setInterval(std::chrono::milliseconds(300));
            QSignalSpy sampled(w.monitor(), &Monitor::sampled);
            const QString error = connectWindow(w, *params, QStringLiteral("restart-profile"));
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 4 &&
                                         sampled.last().first().value<MonitorSample>().waiting == 1,
                                     30000);
            const auto last = sampled.last().first().value<MonitorSample>();
            QCOMPARE(last.source, QStringLiteral("restart-profile"));
            QCOMPARE(last.heldLeases, 2);
            QCOMPARE(last.expiredLeases, 1);
            QCOMPARE(last.blockers, 1);
            QVERIFY(last.longestWait > 0);
            QCOMPARE(last.advisoryHeld, 1);
            QCOMPARE(last.rootBlockers.size(), 1);
            QCOMPARE(last.rootBlockers.first().pid, holder.pid());
            w.refresher()->setPaused(true);
            w.monitor()->flush();
            HistoryStore store(file);
            QVERIFY2(store.ok(), qPrintable(store.error()));
            auto rows = store.read(QStringLiteral("restart-profile"), 0, nowS() + 1);
            QVERIFY(rows.ok());
            written = static_cast<int>(rows->size());
            QVERIFY(written >= 4);
            QCOMPARE(rows->last().heldLeases, 2);
            QCOMPARE(rows->last().waiting, 1);
        }
        QVERIFY(QFile::exists(file));
        // A second window, paused: one refresh on connect, the rest from the file.
        MainWindow w2;
        w2.refresher()->setPaused(true);
        w2.resize(1300, 760);
        w2.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w2));
        const QString error = connectWindow(w2, *params, QStringLiteral("restart-profile"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        w2.tabs()->setCurrentWidget(w2.historyTab());
        QTRY_VERIFY_WITH_TIMEOUT(w2.historyTab()->pointCount() >= written, 20000);
        QVERIFY(w2.historyTab()->series(0)->at(0).y() >= 0);
        // For the screenshot: the stretch of time that has samples.
        QSignalSpy loaded(w2.historyTab(), &HistoryTab::loaded);
        w2.historyTab()->zoomTo(w2.historyTab()->series(2)->at(0).x() / 1000.0 - 1, nowS() + 1);
        QTRY_VERIFY(!loaded.isEmpty());
        QTest::qWait(300);
        w2.grab().save(test::TestDb::artifactPath(QStringLiteral("history-tab.png")));
    }

    void prunedByAgeAndRows() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        const double now = nowS();
        {
            HistoryStore store(path);
            QVERIFY2(store.ok(), qPrintable(store.error()));
            for (int i = 0; i < 50; ++i) {
                MonitorSample s = sampleAt(now - 1000 + i * 20, i, i);
                s.source = QStringLiteral("p");
                QVERIFY(store.append(s).ok());
            }
            auto removed = store.prune(now, 500, 1000);
            QVERIFY(removed.ok());
            QCOMPARE(removed.value(), 25); // older than 500 s
            QCOMPARE(store.count().value(), qint64(25));
            removed = store.prune(now, 1e9, 10);
            QCOMPARE(removed.value(), 15); // beyond 10 rows: the oldest go
            auto rows = store.read(QStringLiteral("p"), 0, now);
            QCOMPARE(rows->size(), 10);
            QCOMPARE(rows->first().heldLeases, 40);
            QCOMPARE(rows->last().heldLeases, 49);
        }
        // Through the monitor (its writer thread), pruning as it writes.
        Monitor monitor(path);
        monitor.setRetention(3600, 5, 1);
        monitor.setSource(QStringLiteral("m"));
        for (int i = 0; i < 20; ++i)
            monitor.record(sampleAt(now + i, 0, i));
        monitor.flush();
        HistoryStore store(path);
        QCOMPARE(store.count().value(), qint64(5));
        auto rows = store.read(QStringLiteral("m"), 0, now + 100);
        QCOMPARE(rows->size(), 5);
        QCOMPARE(rows->last().heldLeases, 19);
    }

    // A rubber band over the chart zooms; Export writes exactly the range shown.
    void zoomAndExportTheShownRange() {
        QTemporaryDir dir;
        Monitor monitor(dir.filePath(QStringLiteral("h.sqlite")));
        monitor.setSource(QStringLiteral("csv, profile"));
        const double t0 = std::floor(nowS()) - 3000;
        for (int i = 0; i < 10; ++i)
            monitor.record(sampleAt(t0 + i * 100, i, 10 + i));
        MonitorSample sqlite = sampleAt(t0 + 1000, 0, 3);
        sqlite.waiting = sqlite.blockers = sqlite.advisoryHeld = sqlite.advisoryWaiting = -1;
        monitor.record(sqlite);
        monitor.flush();

        HistoryTab tab(&monitor);
        tab.resize(1100, 600);
        QSignalSpy loaded(&tab, &HistoryTab::loaded);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QTRY_VERIFY(tab.pointCount() == 10); // waiting: not known for the last sample
        // Seven lines, seven colours (the legend shows only the colour).
        QSet<QRgb> colours;
        for (int i = 0; i < 7; ++i)
            colours.insert(tab.series(i)->color().rgb());
        QCOMPARE(colours.size(), 7);
        QCOMPARE(tab.series(2)->count(), 11); // held leases: all eleven
        QVERIFY(!tab.isZoomed());

        // The rubber band's own path: QChart::zoomIn(rect) over t0+150 … t0+550.
        QChart *chart = tab.chart();
        const QRectF area = chart->plotArea();
        const QPointF left = chart->mapToPosition(QPointF((t0 + 150) * 1000.0, 0), tab.series(0));
        const QPointF right = chart->mapToPosition(QPointF((t0 + 550) * 1000.0, 0), tab.series(0));
        chart->zoomIn(QRectF(left.x(), area.top(), right.x() - left.x(), area.height()));
        QVERIFY(tab.isZoomed());
        QVERIFY(std::abs(tab.shownFrom() - (t0 + 150)) < 2);
        QVERIFY(std::abs(tab.shownTo() - (t0 + 550)) < 2);

        const QString csv = dir.filePath(QStringLiteral("out.csv"));
        QSignalSpy exported(&tab, &HistoryTab::exported);
        tab.exportCsv(csv);
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(0).toInt(), 4); // t0+200 … t0+500
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.first(), HistoryCsv::header());
        const QString first = QDateTime::fromMSecsSinceEpoch(qint64(t0 + 200) * 1000, Qt::UTC)
                                  .toString(Qt::ISODateWithMs);
        QCOMPARE(lines.at(1), first + QStringLiteral(",\"csv, profile\",2,1,3.000,12,1,2,0"));

        // Reset zoom: the selected range again.
        tab.resetButton()->click();
        QVERIFY(!tab.isZoomed());
        QTRY_VERIFY(tab.shownTo() - tab.shownFrom() > 3500);
        // The whole range: the sample without waits has empty fields.
        tab.rangeBox()->setCurrentIndex(tab.rangeBox()->count() - 1);
        QTRY_VERIFY(tab.shownTo() - tab.shownFrom() > 40 * 3600);
        exported.clear();
        tab.exportCsv(csv);
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(0).toInt(), 11);
        f.close();
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList all =
            QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(all.last().endsWith(QStringLiteral(",\"csv, profile\",,,,3,1,,")),
                 qPrintable(all.last()));

        // Zoomed in to a few seconds: no two time labels read the same.
        for (const double span : {3.0, 2.5, 1.2, 0.4, 40.0, 600.0, 7200.0}) {
            loaded.clear();
            tab.zoomTo(t0 + 100, t0 + 100 + span);
            QTRY_VERIFY(!loaded.isEmpty());
            QVERIFY(std::abs(tab.shownTo() - tab.shownFrom() - span) < 0.01);
            const auto *axis = qobject_cast<QDateTimeAxis *>(chart->axes(Qt::Horizontal).first());
            QVERIFY(axis);
            QStringList labels;
            const qint64 from = axis->min().toMSecsSinceEpoch();
            const qint64 to = axis->max().toMSecsSinceEpoch();
            for (int i = 0; i < axis->tickCount(); ++i)
                labels << QDateTime::fromMSecsSinceEpoch(from +
                                                         (to - from) * i / (axis->tickCount() - 1))
                              .toString(axis->format());
            const QString shown = labels.join(u' ');
            QVERIFY2(labels.removeDuplicates() == 0,
                     qPrintable(QStringLiteral("%1 s: %2").arg(span).arg(shown)));
            QVERIFY(axis->tickCount() >= 2);
        }
    }

    // Bad input: a history file that cannot be created, an export path that
    // cannot be written. The window goes on; each is said once, in words.
    void unusableFileAndExportPath() {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Monitor monitor(dir.filePath(QStringLiteral("not-a-folder/h.sqlite")));
        QSignalSpy errors(&monitor, &Monitor::historyError);
        AlertRules r;
        r.blockerWarnS = 1;
        monitor.setRules(r);
        monitor.setSource(QStringLiteral("p"));
        MonitorSample s = sampleAt(nowS(), 3, 1);
        s.rootBlockers.append({9, 3, {5, 5, 5}});
        monitor.record(s);
        monitor.record(s);
        QCOMPARE(monitor.engine().openCount(), 1); // alerts work without the file
        monitor.flush();
        QTRY_VERIFY(errors.size() >= 1);
        QTest::qWait(100);
        QCOMPARE(errors.size(), 2); // the start's read, then once for the writes
        QVERIFY2(
            errors.last().first().toString().startsWith(QLatin1String("Cannot create the folder")),
            qPrintable(errors.last().first().toString()));

        Monitor good(dir.filePath(QStringLiteral("h.sqlite")));
        good.setSource(QStringLiteral("p"));
        good.record(sampleAt(nowS(), 0, 1));
        HistoryTab tab(&good);
        QSignalSpy exported(&tab, &HistoryTab::exported);
        tab.exportCsv(dir.filePath(QStringLiteral("no/such/dir/out.csv")));
        QTRY_COMPARE(exported.size(), 1);
        QVERIFY2(exported.first().at(1).toString().startsWith(QLatin1String("Cannot write")),
                 qPrintable(exported.first().at(1).toString()));
        QCOMPARE(tab.summary()->text(), exported.first().at(1).toString());
        good.flush();
    }

    // A long range is thinned to at most maxPoints buckets; a peak survives.
    void thinnedKeepingPeaks() {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
        const double t0 = 1'700'000'000;
        for (int i = 0; i < 5000; ++i) {
            MonitorSample s = sampleAt(t0 + i, i == 3333 ? 99 : 1, 1);
            s.source = QStringLiteral("p");
            QVERIFY(store.append(s).ok());
        }
        auto rows = store.read(QStringLiteral("p"), t0, t0 + 5000, 100);
        QVERIFY(rows.ok());
        QVERIFY2(rows->size() <= 101, qPrintable(QString::number(rows->size())));
        int peak = 0;
        for (const MonitorSample &s : rows.value())
            peak = std::max(peak, s.waiting);
        QCOMPARE(peak, 99);
        QCOMPARE(store.read(QStringLiteral("p"), t0, t0 + 5000)->size(), 5000);
    }
};

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
