// The GUI at scale: the real window, models and views (offscreen) against a real
// database with N leases, 1 % of which change between refreshes. Prints JSON.
//
//   lockscope_guibench --db URL [--rows 100000] [--rounds 10]
//
// Measures: the first load (refresh requested -> first rows on screen, -> all
// rows), GUI-thread time per refresh (swapping in the view built off the GUI
// thread), the countdown tick, sorting and filtering (until the table shows the
// result, built off the GUI thread), the longest GUI-thread
// stall in each (a 1 ms timer on the GUI thread: the longest gap between two
// of its ticks), and the process's peak memory (VmHWM).
#include "db/connectionparams.h"
#include "db/database.h"
#include "db/migrator.h"
#include "inspector/inspectorrefresher.h"
#include "leases/leasestab.h"
#include "leases/leasetablemodel.h"
#include "window/mainwindow.h"

#include "stallmeter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

using namespace lockscope;

namespace {

bool exec(const ConnectionParams &p, const QString &sql) {
    ScopedConnection conn(p, QStringLiteral("bench"));
    QSqlQuery q(conn.db());
    if (!q.exec(sql)) {
        std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

qint64 peakRssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

bool waitFor(const std::function<bool()> &done, int ms) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Database URL."),
                                QStringLiteral("URL"));
    const QCommandLineOption rows(QStringLiteral("rows"), QStringLiteral("Leases."),
                                  QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("Refreshes."),
                                    QStringLiteral("R"), QStringLiteral("10"));
    parser.addOptions({db, rows, rounds});
    parser.process(app);
    auto params = ConnectionParams::resolve(parser.value(db));
    if (!params.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(params.error().message));
        return 2;
    }
    const int n = parser.value(rows).toInt();
    const int r = parser.value(rounds).toInt();
    if (!Migrator::migrate(*params).ok())
        return 1;
    const QString now = Database::nowSql(params->driver);
    const QString series =
        params->isPostgres() ? QStringLiteral("generate_series(1, %1) AS g(i)").arg(n)
                             : QStringLiteral("(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL "
                                              "SELECT i + 1 FROM s WHERE i < %1) SELECT i FROM s)")
                                   .arg(n);
    if (!exec(*params, QStringLiteral("DELETE FROM aggregate_locks")) ||
        !exec(*params, QStringLiteral("INSERT INTO aggregate_locks SELECT 'bench/lease/' || i, "
                                      "'guibench:1:0/' || i, %1, %1 + 60 + (i %% 600) FROM %2")
                           .arg(now, series)
                           .replace(QStringLiteral("%%"), QStringLiteral("%"))))
        return 1;

    ui::MainWindow window;
    window.resize(1280, 760);
    window.show();
    ui::InspectorRefresher *refresher = window.refresher();
    refresher->setPaused(true); // the benchmark drives the refreshes
    QSignalSpy connected(&window, &ui::MainWindow::connected);

    QElapsedTimer firstLoad;
    firstLoad.start();
    std::optional<StallMeter> loading;
    loading.emplace();
    window.connectTo(*params);
    if (!waitFor([&] { return window.leaseModel()->rowCount() > 0; }, 120'000)) {
        std::fprintf(stderr, "the first load did not arrive\n");
        return 1;
    }
    window.leasesTab()->view()->viewport()->repaint();
    const double firstRowsMs = static_cast<double>(firstLoad.nsecsElapsed()) / 1e6;
    if (!waitFor([&] { return window.leaseModel()->rowCount() == n; }, 120'000)) {
        std::fprintf(stderr, "the first load did not complete\n");
        return 1;
    }
    window.leasesTab()->view()->viewport()->repaint();
    const double firstLoadMs = static_cast<double>(firstLoad.nsecsElapsed()) / 1e6;
    const double firstApplyMs = refresher->lastApplyMs();
    const double loadStallMs = loading->longestMs();
    loading.reset();

    QTableView *view = window.leasesTab()->view();
    ui::LeaseTableModel *model = window.leaseModel();
    auto settled = [&] {
        return !model->isBuilding() && model->view()->spec == model->spec() && model->isRevealed();
    };
    QList<double> applyMs;
    QList<double> refreshMs;
    double refreshStallMs = 0;
    // One refresh after 1 % of the rows changed (renewed); false on failure.
    auto refreshRound = [&](QList<double> &applied, double &stall) {
        if (!exec(*params,
                  QStringLiteral("UPDATE aggregate_locks SET expires_at = expires_at + 1 "
                                 "WHERE substr(lock_key, 13) IN (SELECT substr(lock_key, 13) "
                                 "FROM aggregate_locks ORDER BY random() LIMIT %1)")
                      .arg(n / 100)))
            return false;
        QSignalSpy refreshed(refresher, &ui::InspectorRefresher::refreshed);
        QElapsedTimer t;
        t.start();
        StallMeter refreshing; // from here on: not the benchmark's own UPDATE above
        refresher->refreshNow();
        if (!waitFor([&] { return refreshed.size() > 0; }, 60'000))
            return false;
        stall = std::max(stall, refreshing.longestMs());
        refreshMs << static_cast<double>(t.nsecsElapsed()) / 1e6;
        applied << refresher->lastApplyMs();
        return true;
    };
    for (int round = 0; round < r; ++round) {
        if (!refreshRound(applyMs, refreshStallMs))
            return 1;
    }
    // Sorted by time left, renewals move rows: every refresh is a layout change.
    QList<double> sortedApplyMs;
    double sortedStallMs = 0;
    view->sortByColumn(ui::LeaseTableModel::Remaining, Qt::AscendingOrder);
    if (!waitFor(settled, 120'000))
        return 1;
    for (int round = 0; round < std::max(1, r / 2); ++round) {
        if (!refreshRound(sortedApplyMs, sortedStallMs))
            return 1;
    }
    view->sortByColumn(ui::LeaseTableModel::Key, Qt::AscendingOrder);
    if (!waitFor(settled, 120'000))
        return 1;

    // Sorting by another column and back, and filtering as a DBA types. Both
    // are built off the GUI thread: measured until the table shows the result
    // (ready), and the GUI thread's longest stall meanwhile.
    double sortReadyMs = 0;
    std::optional<StallMeter> sorting;
    sorting.emplace();
    for (const int column : {int(ui::LeaseTableModel::Remaining), int(ui::LeaseTableModel::Owner),
                             int(ui::LeaseTableModel::Key)}) {
        QElapsedTimer t;
        t.start();
        sorting->measure([&] { view->sortByColumn(column, Qt::AscendingOrder); });
        if (!waitFor(settled, 120'000))
            return 1;
        view->viewport()->repaint();
        sortReadyMs = std::max(sortReadyMs, static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    const double sortStallMs = sorting->longestMs();
    sorting.reset();
    auto *filter = window.leasesTab()->findChild<QLineEdit *>(QStringLiteral("leaseFilter"));
    double filterReadyMs = 0;
    StallMeter filtering;
    for (const QString &typed : {QStringLiteral("4"), QStringLiteral("42"), QStringLiteral("421"),
                                 QStringLiteral("42"), QString()}) {
        QElapsedTimer t;
        t.start();
        filtering.measure([&] { filter->setText(typed); });
        if (!waitFor(settled, 120'000))
            return 1;
        view->viewport()->repaint();
        filterReadyMs = std::max(filterReadyMs, static_cast<double>(t.nsecsElapsed()) / 1e6);
    }

    QList<double> tickMs;
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer t;
        t.start();
        window.leasesTab()->tickCountdown();
        // What the event loop does after a tick: repaint the dirty cells
        // (State and Remaining of the visible rows), nothing else.
        QCoreApplication::processEvents();
        tickMs << static_cast<double>(t.nsecsElapsed()) / 1e6;
    }
    QJsonObject out{
        {QStringLiteral("rows"), n},
        {QStringLiteral("first_rows_ms"), firstRowsMs},
        {QStringLiteral("first_load_ms"), firstLoadMs},
        {QStringLiteral("load_stall_ms"), loadStallMs},
        {QStringLiteral("refresh_stall_ms"), refreshStallMs},
        {QStringLiteral("sort_stall_ms"), sortStallMs},
        {QStringLiteral("sort_ready_ms_max"), sortReadyMs},
        {QStringLiteral("filter_ready_ms_max"), filterReadyMs},
        {QStringLiteral("filter_stall_ms"), filtering.longestMs()},
        {QStringLiteral("first_apply_gui_ms"), firstApplyMs},
        {QStringLiteral("refresh_total_ms_median"), median(refreshMs)},
        {QStringLiteral("refresh_gui_ms_median"), median(applyMs)},
        {QStringLiteral("refresh_gui_ms_max"), *std::max_element(applyMs.begin(), applyMs.end())},
        {QStringLiteral("sorted_refresh_gui_ms_median"), median(sortedApplyMs)},
        {QStringLiteral("sorted_refresh_gui_ms_max"),
         *std::max_element(sortedApplyMs.begin(), sortedApplyMs.end())},
        {QStringLiteral("sorted_refresh_stall_ms"), sortedStallMs},
        {QStringLiteral("tick_gui_ms_median"), median(tickMs)},
        {QStringLiteral("tick_gui_ms_max"), *std::max_element(tickMs.begin(), tickMs.end())},
        {QStringLiteral("peak_rss_mb"), static_cast<double>(peakRssKb()) / 1024.0}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    exec(*params, QStringLiteral("DELETE FROM aggregate_locks"));
    return 0;
}
