// Every lock on a heavily locked server: H sessions hold L advisory locks
// between them, W more sessions wait (each behind one of them). Times, R times:
// the snapshot (three statements + decode + grouping by session), the blocking
// tree and the Locks tab's worker-side diff; then R refreshes of the Locks tab
// itself, shown (snapshot and diff on its refresher's worker thread, as in the
// app; one holder expanded), with the GUI thread's time per refresh (every
// event it handled: the apply, the summary, the blocking tree, the layout, the
// paint), on the wall clock and on the thread's CPU clock, and its longest
// stall. Prints JSON.
//
//   lockscope_serverlocksbench --db postgres://… [--holders 50] [--locks 100000] [--waiters 200]
//
// The server needs max_locks_per_transaction × (max_connections +
// max_prepared_transactions) above L (bench/run raises it).
#include "db/connectionparams.h"
#include "db/database.h"
#include "locks/locksrefresher.h"
#include "locks/lockssnapshot.h"
#include "locks/lockstab.h"
#include "locks/lockstreemodel.h"
#include "server/blockingtree.h"
#include "server/serverlockinspector.h"

#include "busyapplication.h"
#include "stallmeter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace lockscope;

namespace {

double ms(const QElapsedTimer &t) {
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

double maximum(const QList<double> &v) {
    return v.isEmpty() ? 0 : *std::max_element(v.begin(), v.end());
}

} // namespace

int main(int argc, char **argv) {
    BusyApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("PostgreSQL URL."),
                                QStringLiteral("URL"));
    const QCommandLineOption holders(QStringLiteral("holders"), QStringLiteral("Sessions holding."),
                                     QStringLiteral("H"), QStringLiteral("50"));
    const QCommandLineOption locks(QStringLiteral("locks"), QStringLiteral("Locks held in all."),
                                   QStringLiteral("L"), QStringLiteral("100000"));
    const QCommandLineOption waiters(QStringLiteral("waiters"), QStringLiteral("Waiting sessions."),
                                     QStringLiteral("W"), QStringLiteral("200"));
    const QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("Snapshots timed."),
                                    QStringLiteral("R"), QStringLiteral("10"));
    parser.addOptions({db, holders, locks, waiters, rounds});
    parser.process(app);
    auto params = ConnectionParams::resolve(parser.value(db));
    if (!params.ok() || !params->isPostgres()) {
        std::fprintf(stderr, "give a PostgreSQL --db URL\n");
        return 2;
    }
    const int h = parser.value(holders).toInt();
    const int l = parser.value(locks).toInt();
    const int w = parser.value(waiters).toInt();
    const int r = parser.value(rounds).toInt();

    // Sessions connect one after another: two hundred SCRAM logins at once on
    // a two-core machine run into the connect timeout.
    std::atomic<int> holding{0};
    std::atomic<int> connected{0};
    const auto oneByOne = [&](int started) {
        while (connected < started)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    };
    std::atomic<bool> done{false};
    std::vector<std::thread> sessions;
    const int perHolder = std::max(1, l / h);
    for (int i = 0; i < h; ++i) {
        sessions.emplace_back([&, i] {
            ScopedConnection conn(*params, QStringLiteral("holder"));
            ++connected;
            if (!conn.ok()) {
                std::fprintf(stderr, "holder: %s\n", qPrintable(conn.error().message));
                ++holding;
                return;
            }
            QSqlQuery q(conn.db());
            if (!q.exec(QStringLiteral("SELECT count(pg_advisory_lock(900000 + g)) FROM "
                                       "generate_series(%1, %2) g")
                            .arg(i * perHolder)
                            .arg((i + 1) * perHolder - 1)))
                std::fprintf(stderr, "holder: %s\n", qPrintable(q.lastError().text()));
            ++holding;
            while (!done)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        });
        oneByOne(i + 1);
    }
    while (holding < h)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (int i = 0; i < w; ++i) {
        sessions.emplace_back([&, i] {
            ScopedConnection conn(*params, QStringLiteral("waiter"));
            ++connected;
            if (!conn.ok()) {
                std::fprintf(stderr, "waiter: %s\n", qPrintable(conn.error().message));
                return;
            }
            QSqlQuery q(conn.db());
            q.exec(QStringLiteral("SELECT pg_advisory_lock(900000 + %1)")
                       .arg((i * 37) % (h * perHolder)));
        });
        oneByOne(h + i + 1);
    }
    ScopedConnection inspector(*params, QStringLiteral("inspector"));
    if (!inspector.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(inspector.error().message));
        done = true;
        for (auto &s : sessions)
            s.join();
        return 1;
    }
    for (int tries = 0; tries < 600; ++tries) {
        QSqlQuery q(inspector.db());
        q.exec(QStringLiteral(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"));
        if (q.next() && q.value(0).toInt() >= w)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }

    // The worker side, timed step by step on this thread.
    QList<double> snapshotMs, treeMs, diffMs;
    int rows = 0;
    int sessionsSeen = 0;
    int roots = 0;
    {
        ui::LocksInputs inputs;
        inputs.params = *params;
        for (int i = 0; i < r; ++i) {
            QElapsedTimer t;
            t.start();
            auto snap = ServerLockInspector::snapshot(inspector.db(), *params);
            if (!snap.ok()) {
                std::fprintf(stderr, "%s\n", qPrintable(snap.error().message));
                return 1;
            }
            snapshotMs << ms(t);
            t.restart();
            roots = static_cast<int>(BlockingTree::build(snap.value()).size());
            treeMs << ms(t);
            t.restart();
            const ui::LocksResult result = ui::diffLocks(inputs, snap.value()); // includes the tree
            inputs.sessions = result.sessions;
            inputs.firstSeen = result.firstSeen;
            diffMs << ms(t);
            rows = static_cast<int>(snap->locks.size());
            sessionsSeen = static_cast<int>(snap->sessions.size());
        }
    }

    // The GUI side: the Locks tab itself, as in the app (its refresher, model,
    // view, summary and blocking tree), refreshed only when the loop below asks.
    ui::LocksTab tab;
    ui::LocksRefresher &refresher = *tab.refresher();
    const ui::LocksTreeModel &model = *tab.model();
    QTreeView &view = *tab.view();
    refresher.setInterval(3'600'000);
    tab.resize(1400, 800);
    tab.show();
    ui::Session session;
    session.params = *params;
    tab.setSession(session);
    int refreshes = 0;
    QString failure;
    QObject::connect(&refresher, &ui::LocksRefresher::refreshed, [&] { ++refreshes; });
    QObject::connect(&refresher, &ui::LocksRefresher::failed,
                     [&](const QString &message) { failure = message; });
    // The GUI thread waits in an event loop as the app's does (asleep until an
    // event comes), not in a processEvents() loop: a spinning thread competes
    // with the worker and the server for the two cores and is preempted for
    // whole time slices, which the stall meter would count as stalls.
    const auto runEvents = [](int forMs) {
        QEventLoop loop;
        QTimer::singleShot(forMs, &loop, &QEventLoop::quit);
        loop.exec();
    };
    QList<double> guiMs, guiCpuMs, threadCpuMs, stallMs, modelMs, refreshMs;
    for (int i = 0; i < r; ++i) {
        StallMeter meter;
        app.ignore(meter.timer());
        app.restart();
        const qint64 threadCpuAtStart = BusyApplication::threadCpuNs();
        QElapsedTimer t;
        t.start();
        QElapsedTimer call;
        call.start();
        const qint64 callCpu = BusyApplication::threadCpuNs();
        refresher.refreshNow();
        const double callMs = ms(call);
        const double callCpuMs =
            static_cast<double>(BusyApplication::threadCpuNs() - callCpu) / 1e6;
        {
            QEventLoop loop;
            const auto quit = [&] {
                loop.quit();
            };
            const QMetaObject::Connection finished =
                QObject::connect(&refresher, &ui::LocksRefresher::refreshed, &loop, quit);
            const QMetaObject::Connection failed =
                QObject::connect(&refresher, &ui::LocksRefresher::failed, &loop, quit);
            QTimer::singleShot(300'000, &loop, quit);
            if (refreshes <= i && failure.isEmpty())
                loop.exec();
            QObject::disconnect(finished);
            QObject::disconnect(failed);
        }
        if (!failure.isEmpty() || refreshes <= i) {
            std::fprintf(stderr, "refresh: %s\n",
                         failure.isEmpty() ? "no result in 300 s" : qPrintable(failure));
            return 1;
        }
        refreshMs << ms(t);
        if (i == 0 && model.rowCount() > 0)
            view.expand(model.index(0, 0));
        runEvents(50); // the view's layout and paint
        guiMs << app.busyMs() + callMs;
        guiCpuMs << app.busyCpuMs() + callCpuMs;
        // Everything the thread ran in the round, inside events or not (an
        // event's destruction after delivery, the stall meter's ticks).
        threadCpuMs << static_cast<double>(BusyApplication::threadCpuNs() - threadCpuAtStart) / 1e6;
        stallMs << std::max(meter.longestMs(), app.longestMs());
        modelMs << refresher.lastApplyMs();
    }
    done = true;
    for (auto &s : sessions)
        s.join();
    // The first refresh inserts every row; the steady state is what follows it.
    const QList<double> steady = guiMs.mid(1);
    const QList<double> steadyCpu = guiCpuMs.mid(1);
    const QList<double> steadyThread = threadCpuMs.mid(1);
    QJsonObject out{{QStringLiteral("holders"), h},
                    {QStringLiteral("locks_held"), h * perHolder},
                    {QStringLiteral("waiters"), w},
                    {QStringLiteral("rows"), rows},
                    {QStringLiteral("sessions"), sessionsSeen},
                    {QStringLiteral("tree_roots"), roots},
                    {QStringLiteral("snapshot_ms_median"), median(snapshotMs)},
                    {QStringLiteral("snapshot_ms_max"), maximum(snapshotMs)},
                    {QStringLiteral("tree_ms_median"), median(treeMs)},
                    {QStringLiteral("worker_diff_ms_median"), median(diffMs)},
                    {QStringLiteral("refresh_ms_median"), median(refreshMs.mid(1))},
                    {QStringLiteral("gui_first_apply_ms"), guiMs.value(0)},
                    {QStringLiteral("gui_first_stall_ms"), stallMs.value(0)},
                    {QStringLiteral("gui_apply_ms_median"), median(steady)},
                    {QStringLiteral("gui_apply_ms_max"), maximum(steady)},
                    {QStringLiteral("gui_cpu_ms_median"), median(steadyCpu)},
                    {QStringLiteral("gui_cpu_ms_max"), maximum(steadyCpu)},
                    {QStringLiteral("gui_thread_cpu_ms_median"), median(steadyThread)},
                    {QStringLiteral("gui_thread_cpu_ms_max"), maximum(steadyThread)},
                    {QStringLiteral("gui_stall_ms_max"), maximum(stallMs.mid(1))},
                    {QStringLiteral("gui_model_apply_ms_median"), median(modelMs.mid(1))}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
