// The Servers tab with many saved profiles, some of which cannot be reached: a
// closed port (refused at once) and a server that never answers (a listening
// socket that never accepts, so each connect runs into its timeout). Measures
// the GUI thread's event-loop latency while every profile is probed, R rounds:
// a 1 ms timer records the longest gap between its ticks (a stall), and the
// time refreshNow() itself takes on the GUI thread. Prints JSON.
//
//   lockscope_serversbench --db postgres://… [--profiles 20] [--closed 3]
//                          [--hanging 3] [--sqlite 2] [--rounds 3] [--timeout 2]
#include "connection/profilestore.h"
#include "db/connectionparams.h"
#include "servers/serversrefresher.h"
#include "servers/serverstab.h"
#include "servers/serverstablemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace lockscope;
using namespace lockscope::ui;

namespace {

double ms(qint64 ns) {
    return static_cast<double>(ns) / 1e6;
}

Profile tcpProfile(const QString &name, int port) {
    Profile p;
    p.name = name;
    p.params.driver = Driver::Postgres;
    p.params.host = QStringLiteral("127.0.0.1");
    p.params.port = port;
    p.params.database = QStringLiteral("postgres");
    p.params.user = QStringLiteral("lockscope");
    return p;
}

} // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("A reachable server."),
                                QStringLiteral("URL"));
    const QCommandLineOption profilesOpt(QStringLiteral("profiles"), QStringLiteral("Profiles."),
                                         QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption closedOpt(QStringLiteral("closed"), QStringLiteral("Closed ports."),
                                       QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption hangingOpt(QStringLiteral("hanging"),
                                        QStringLiteral("Servers that never answer."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption sqliteOpt(QStringLiteral("sqlite"), QStringLiteral("SQLite files."),
                                       QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption roundsOpt(QStringLiteral("rounds"), QStringLiteral("Rounds."),
                                       QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"),
                                        QStringLiteral("Connect timeout, seconds."),
                                        QStringLiteral("S"), QStringLiteral("2"));
    parser.addOptions({db, profilesOpt, closedOpt, hangingOpt, sqliteOpt, roundsOpt, timeoutOpt});
    parser.process(app);
    auto reachable = ConnectionParams::fromUrl(parser.value(db));
    if (!reachable.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(reachable.error().message));
        return 2;
    }
    const int total = parser.value(profilesOpt).toInt();
    const int closed = parser.value(closedOpt).toInt();
    const int hanging = parser.value(hangingOpt).toInt();
    const int sqlite = parser.value(sqliteOpt).toInt();
    const int rounds = parser.value(roundsOpt).toInt();

    // Settings of its own: the profiles live only as long as this run.
    QTemporaryDir settingsDir;
    QCoreApplication::setOrganizationName(QStringLiteral("LockScopeBench"));
    QCoreApplication::setApplicationName(QStringLiteral("serversbench"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QTcpServer blackhole;
    blackhole.listen(QHostAddress::LocalHost);
    blackhole.pauseAccepting();
    QTcpServer closer;
    closer.listen(QHostAddress::LocalHost);
    const int closedPort = closer.serverPort();
    closer.close();

    int made = 0;
    for (int i = 0; i < closed; ++i, ++made)
        ProfileStore::save(tcpProfile(QStringLiteral("closed-%1").arg(i), closedPort));
    for (int i = 0; i < hanging; ++i, ++made)
        ProfileStore::save(tcpProfile(QStringLiteral("hanging-%1").arg(i), blackhole.serverPort()));
    for (int i = 0; i < sqlite; ++i, ++made) {
        Profile p;
        p.name = QStringLiteral("sqlite-%1").arg(i);
        p.params.driver = Driver::Sqlite;
        p.params.sqlitePath = settingsDir.filePath(QStringLiteral("s%1.db").arg(i));
        ProfileStore::save(p);
    }
    for (int i = 0; made < total; ++i, ++made) {
        Profile p;
        p.name = QStringLiteral("pg-%1").arg(i);
        p.params = reachable.value();
        ProfileStore::save(p);
    }

    ServersTab tab;
    tab.refresher()->setConnectTimeoutS(parser.value(timeoutOpt).toInt());
    tab.refresher()->setPasswordSource([](const QString &) { return std::nullopt; });
    tab.refresher()->setInterval(std::chrono::hours(1)); // rounds are started here
    tab.resize(1000, 600);

    // The event loop's latency: the longest gap between ticks of a 1 ms timer.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0;
    qint64 longestGap = 0;
    bool measuring = false;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (measuring)
            longestGap = std::max(longestGap, now - lastTick);
        lastTick = now;
    });
    ticker.start();

    // The machine's own noise: the same timer for 2 s with nothing to do.
    {
        QEventLoop idle;
        QTimer::singleShot(50, &idle, &QEventLoop::quit);
        idle.exec();
        longestGap = 0;
        lastTick = clock.nsecsElapsed();
        measuring = true;
        QTimer::singleShot(2000, &idle, &QEventLoop::quit);
        idle.exec();
        measuring = false;
    }
    const double idleStallMs = ms(longestGap);

    std::vector<double> roundMs;
    std::vector<double> refreshCallMs;
    std::vector<double> stalls;
    double stallMs = 0;
    int unreachable = 0;
    for (int r = 0; r < rounds; ++r) {
        QEventLoop settle;
        QTimer::singleShot(50, &settle, &QEventLoop::quit);
        settle.exec();
        longestGap = 0;
        lastTick = clock.nsecsElapsed();
        measuring = true;
        QEventLoop done;
        const auto c =
            QObject::connect(tab.refresher(), &ServersRefresher::idle, &done, &QEventLoop::quit);
        const qint64 start = clock.nsecsElapsed();
        if (r == 0)
            tab.show(); // the first round starts when the tab is shown
        else
            tab.refresher()->refreshNow();
        refreshCallMs.push_back(ms(clock.nsecsElapsed() - start));
        if (tab.refresher()->inFlight() > 0)
            done.exec();
        QObject::disconnect(c);
        roundMs.push_back(ms(clock.nsecsElapsed() - start));
        measuring = false;
        stallMs = std::max(stallMs, ms(longestGap));
        stalls.push_back(ms(longestGap));
        unreachable = 0;
        for (const ServerRow &row : tab.model()->rows())
            unreachable += row.status && !row.status->reachable ? 1 : 0;
    }
    std::sort(roundMs.begin(), roundMs.end());
    QJsonObject out;
    out.insert(QStringLiteral("profiles"), tab.model()->rowCount());
    out.insert(QStringLiteral("unreachable"), unreachable);
    out.insert(QStringLiteral("hanging"), hanging);
    out.insert(QStringLiteral("closed"), closed);
    out.insert(QStringLiteral("max_concurrent"), tab.refresher()->maxConcurrent());
    out.insert(QStringLiteral("peak_concurrent"), tab.refresher()->peakConcurrent());
    out.insert(QStringLiteral("connect_timeout_s"), parser.value(timeoutOpt).toInt());
    out.insert(QStringLiteral("rounds"), rounds);
    out.insert(QStringLiteral("round_ms_median"), roundMs[roundMs.size() / 2]);
    out.insert(QStringLiteral("refresh_call_ms_max"),
               *std::max_element(refreshCallMs.begin(), refreshCallMs.end()));
    out.insert(QStringLiteral("gui_longest_stall_ms"), stallMs);
    // Round 1 also shows the tab for the first time (layout and first paint).
    out.insert(QStringLiteral("gui_first_round_stall_ms"), stalls.front());
    out.insert(QStringLiteral("gui_later_rounds_stall_ms"),
               stalls.size() > 1 ? *std::max_element(stalls.begin() + 1, stalls.end()) : 0.0);
    out.insert(QStringLiteral("idle_stall_ms"), idleStallMs);
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
