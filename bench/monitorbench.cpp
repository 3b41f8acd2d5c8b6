// What the history and the alerts cost the GUI thread. No database server: the
// samples are built as a refresh builds them (SampleBuilder, from 200 waiters
// behind 50 blockers, 10,000 leases and 1,000 advisory locks), then fed to the
// real Monitor (alert engine on the GUI thread, the write on its own thread
// into a real SQLite file) and to a shown History tab. Prints JSON.
//
//   QT_QPA_PLATFORM=offscreen lockscope_monitorbench [--samples 2000] [--dir DIR]
//
// Measures, per sample: SampleBuilder on the worker (not the GUI thread, for
// scale), Monitor::record + the History tab's live append on the GUI thread
// (mean, p99, max), the same plus the events that follow and a repaint of the
// tab (gui_with_paint: everything the GUI thread spends per sample), the writer thread's time per
// sample (total drain time / samples), and reading a 48-hour range of 86,400 rows thinned to 1,500
// points (on the writer thread).
#include "history/historytab.h"
#include "monitor/historystore.h"
#include "monitor/monitor.h"
#include "monitor/samplebuilder.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace lockscope;
using namespace lockscope::ui;

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("samples"), QStringLiteral("Samples to feed."),
                      QStringLiteral("n"), QStringLiteral("2000")});
    parser.addOption({QStringLiteral("no-tab"), QStringLiteral("Without the History tab shown.")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Where the history file goes."),
                      QStringLiteral("dir")});
    parser.process(app);
    const int n = std::max(10, parser.value(QStringLiteral("samples")).toInt());
    QTemporaryDir tmp;
    const QString dir =
        parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : tmp.path();
    const QString path = dir + QStringLiteral("/bench-history.sqlite");
    QFile::remove(path);

    // What a refresh reads on a busy server.
    const double now = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    QList<LeaseRow> leases;
    for (int i = 0; i < 10000; ++i) {
        LeaseRow r;
        r.key = QStringLiteral("k%1").arg(i);
        r.expiresAt = now + (i % 10 == 0 ? -700 : 60);
        leases << r;
    }
    QList<AdvisoryLockRow> advisory(1000);
    for (int i = 0; i < advisory.size(); ++i)
        advisory[i].granted = i % 5 != 0;
    QList<WaitingSession> waits;
    for (int i = 0; i < 200; ++i)
        waits.append({1000 + i, {100 + i % 50}, 400.0 + i, false});

    QElapsedTimer t;
    t.start();
    MonitorSample sample = SampleBuilder::build(now, leases, now, advisory, waits);
    const double buildMs = static_cast<double>(t.nsecsElapsed()) / 1e6;

    Monitor monitor(path);
    monitor.setSource(QStringLiteral("bench"));
    monitor.flush();
    HistoryTab tab(&monitor);
    tab.resize(1200, 700);
    if (!parser.isSet(QStringLiteral("no-tab"))) {
        tab.show();
        (void)QTest::qWaitForWindowExposed(&tab);
    }
    QList<double> gui;
    QList<double> withPaint;
    t.restart();
    for (int i = 0; i < n; ++i) {
        sample.time = now + i;
        QElapsedTimer one;
        one.start();
        monitor.record(sample); // the engine, the hand-off, the tab's append
        gui << static_cast<double>(one.nsecsElapsed()) / 1e6;
        // What follows on the GUI thread: the chart's deferred work and the paint.
        QCoreApplication::processEvents();
        if (!parser.isSet(QStringLiteral("no-tab")))
            tab.repaint();
        withPaint << static_cast<double>(one.nsecsElapsed()) / 1e6;
    }
    monitor.flush();
    const double drainMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
    std::sort(gui.begin(), gui.end());
    std::sort(withPaint.begin(), withPaint.end());
    double sum = 0;
    for (double g : gui)
        sum += g;
    double sumPaint = 0;
    for (double g : withPaint)
        sumPaint += g;

    // A 48-hour file at one sample a second (86,400 rows), read thinned.
    {
        HistoryStore store(path);
        MonitorSample s = sample;
        s.source = QStringLiteral("day");
        for (int i = 0; i < 86400; ++i) {
            s.time = now - 172800 + 2 * i;
            (void)store.append(s);
        }
    }
    t.restart();
    auto future = monitor.read(now - 172800, now, 1500);
    future.waitForFinished();
    const double readMs = static_cast<double>(t.nsecsElapsed()) / 1e6;

    QJsonObject out{
        {QStringLiteral("samples"), n},
        {QStringLiteral("points_per_line"), tab.pointCount()},
        {QStringLiteral("alerts_open"), monitor.engine().openCount()},
        {QStringLiteral("build_sample_worker_ms"), buildMs},
        {QStringLiteral("gui_ms_mean"), sum / n},
        {QStringLiteral("gui_ms_p99"), gui.at(static_cast<int>(n * 0.99))},
        {QStringLiteral("gui_ms_max"), gui.last()},
        {QStringLiteral("gui_with_paint_ms_mean"), sumPaint / n},
        {QStringLiteral("gui_with_paint_ms_p99"), withPaint.at(static_cast<int>(n * 0.99))},
        {QStringLiteral("gui_with_paint_ms_max"), withPaint.last()},
        {QStringLiteral("wall_ms_per_sample_incl_write"), drainMs / n},
        {QStringLiteral("read_48h_thinned_ms"), readMs},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
