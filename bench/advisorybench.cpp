// Inspecting a heavily locked server: H sessions hold L advisory locks between
// them, W more sessions wait (each behind one of them). Times one inspector
// snapshot (query + decode + blocking tree) end to end, R times. Prints JSON.
//
//   lockscope_advisorybench --db postgres://… [--holders 50] [--locks 10000] [--waiters 200]
#include "advisory/advisoryinspector.h"
#include "db/connectionparams.h"
#include "db/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace lockscope;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("PostgreSQL URL."),
                                QStringLiteral("URL"));
    const QCommandLineOption holders(QStringLiteral("holders"), QStringLiteral("Sessions holding."),
                                     QStringLiteral("H"), QStringLiteral("50"));
    const QCommandLineOption locks(QStringLiteral("locks"), QStringLiteral("Locks held in all."),
                                   QStringLiteral("L"), QStringLiteral("10000"));
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

    // Holders and waiters each on a thread with a connection of its own.
    std::atomic<int> holding{0};
    std::atomic<bool> done{false};
    std::vector<std::thread> sessions;
    const int perHolder = std::max(1, l / h);
    for (int i = 0; i < h; ++i) {
        sessions.emplace_back([&, i] {
            ScopedConnection conn(*params, QStringLiteral("holder"));
            QSqlQuery q(conn.db());
            q.exec(QStringLiteral("SELECT count(pg_advisory_lock(900000 + g)) FROM "
                                  "generate_series(%1, %2) g")
                       .arg(i * perHolder)
                       .arg((i + 1) * perHolder - 1));
            ++holding;
            while (!done)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        });
    }
    while (holding < h)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (int i = 0; i < w; ++i) {
        sessions.emplace_back([&, i] {
            ScopedConnection conn(*params, QStringLiteral("waiter"));
            QSqlQuery q(conn.db());
            // Blocks until the holders let go (at the end: their sessions close).
            q.exec(QStringLiteral("SELECT pg_advisory_lock(900000 + %1)")
                       .arg((i * 37) % (h * perHolder)));
        });
    }
    ScopedConnection inspector(*params, QStringLiteral("inspector"));
    // Wait until every waiter is queued on the server.
    for (int tries = 0; tries < 600; ++tries) {
        QSqlQuery q(inspector.db());
        q.exec(QStringLiteral(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"));
        if (q.next() && q.value(0).toInt() >= w)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    QList<double> ms;
    int rows = 0;
    int roots = 0;
    for (int i = 0; i < r; ++i) {
        QElapsedTimer t;
        t.start();
        auto snap = AdvisoryInspector::snapshot(inspector.db(), *params);
        if (!snap.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(snap.error().message));
            return 1;
        }
        const auto tree = AdvisoryInspector::blockingTree(snap.value());
        ms << static_cast<double>(t.nsecsElapsed()) / 1e6;
        rows = static_cast<int>(snap->rows.size());
        roots = static_cast<int>(tree.size());
    }
    std::sort(ms.begin(), ms.end());
    done = true;
    for (auto &s : sessions)
        s.join();
    QJsonObject out{{QStringLiteral("holders"), h},
                    {QStringLiteral("locks_held"), h * perHolder},
                    {QStringLiteral("waiters"), w},
                    {QStringLiteral("rows"), rows},
                    {QStringLiteral("tree_roots"), roots},
                    {QStringLiteral("snapshot_ms_median"), ms.at(ms.size() / 2)},
                    {QStringLiteral("snapshot_ms_max"), ms.last()}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
