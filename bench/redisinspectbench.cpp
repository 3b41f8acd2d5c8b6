// The Redis inspector on many keys: fills a prefix with N lock keys (SET … PX,
// pipelined), then takes RedisInspector snapshots and reports the wall time of
// each, and the longest single command the server executed meanwhile (SLOWLOG,
// threshold 0 µs, so every command is logged with its execution time). Prints JSON.
//
//   lockscope_redisinspectbench --db redis://user@host:port/0 [--keys N] [--rounds R]
//
// The password comes from REDISCLI_AUTH. Needs CONFIG and SLOWLOG (an admin user).
#include "lease/redisinspector.h"
#include "redis/redisconnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

using namespace lockscope;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QString url;
    int keys = 100'000;
    int rounds = 5;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--db"))
            url = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--keys"))
            keys = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--rounds"))
            rounds = args.at(i + 1).toInt();
    }
    auto parsed = ConnectionParams::fromUrl(url);
    if (!parsed.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(parsed.error().message));
        return 2;
    }
    ConnectionParams params = parsed.value();
    params.redisPrefix = QStringLiteral("bench%1:")
                             .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    RedisConnection admin(params);
    RedisConnection connection(params);
    const QByteArray prefix = params.redisPrefix.toUtf8();
    for (int done = 0; done < keys;) {
        QList<RedisConnection::Command> batch;
        for (int i = 0; i < 1000 && done < keys; ++i, ++done)
            batch.append({"SET", prefix + "jobs/" + QByteArray::number(done),
                          "host:1:abcd/" + QByteArray::number(done), "PX", "600000"});
        if (auto r = admin.pipeline(batch); !r.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
            return 1;
        }
    }
    (void)admin.pipeline({{"CONFIG", "SET", "slowlog-log-slower-than", "0"},
                          {"CONFIG", "SET", "slowlog-max-len", "100000"},
                          {"SLOWLOG", "RESET"}});
    QList<double> walls;
    qsizetype listed = 0;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        auto snap = RedisInspector::snapshot(connection, QString());
        walls.append(static_cast<double>(t.nsecsElapsed()) / 1e6);
        std::fprintf(stderr, "round %d: %.1f ms\n", r + 1, walls.last());
        if (!snap.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(snap.error().message));
            return 1;
        }
        listed = snap->rows.size();
    }
    // The longest command the server executed during the snapshots.
    auto log = admin.command({"SLOWLOG", "GET", "100000"});
    qint64 longestUs = 0;
    QByteArray longestCommand;
    qsizetype logged = 0;
    if (log.ok() && log->isArray()) {
        logged = log->elements.size();
        for (const RedisReply &entry : std::as_const(log->elements)) {
            if (entry.elements.size() < 4)
                continue;
            const QByteArray name = entry.elements.at(3).elements.value(0).str;
            if (name == "SLOWLOG" || name == "CONFIG")
                continue;
            if (entry.elements.at(2).integer > longestUs) {
                longestUs = entry.elements.at(2).integer;
                longestCommand = name;
            }
        }
    }
    (void)admin.pipeline({{"CONFIG", "SET", "slowlog-log-slower-than", "10000"},
                          {"CONFIG", "SET", "slowlog-max-len", "128"}});
    // Clean up: SCAN + UNLINK the bench's keys.
    QByteArray cursor = "0";
    do {
        auto scanned = admin.command(
            {"SCAN", cursor, "MATCH", RedisInspector::escapeGlob(prefix) + "*", "COUNT", "1000"});
        if (!scanned.ok() || !scanned->isArray())
            break;
        cursor = scanned->elements.at(0).str;
        RedisConnection::Command unlink{"UNLINK"};
        for (const RedisReply &k : std::as_const(scanned->elements.at(1).elements))
            unlink.append(k.str);
        if (unlink.size() > 1)
            (void)admin.command(unlink);
    } while (cursor != "0");
    std::sort(walls.begin(), walls.end());
    std::printf("{\"keys\":%d,\"listed\":%lld,\"rounds\":%d,\"snapshot_ms_median\":%.1f,"
                "\"snapshot_ms_max\":%.1f,\"server_commands_logged\":%lld,"
                "\"longest_server_command_us\":%lld,\"longest_server_command\":\"%s\"}\n",
                keys, static_cast<long long>(listed), rounds, walls.at(walls.size() / 2),
                walls.last(), static_cast<long long>(logged), static_cast<long long>(longestUs),
                longestCommand.constData());
    return 0;
}
