#include "support/testredis.h"

#include "redis/redisthreadconnections.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace lockscope::test {

namespace {

std::optional<ConnectionParams> fromEnv(const char *variable, QString *why) {
    const QString url = qEnvironmentVariable(variable);
    if (url.isEmpty()) {
        *why = QStringLiteral("%1 is not set (start scripts/redis-harness, or run scripts/test)")
                   .arg(QLatin1String(variable));
        return std::nullopt;
    }
    auto parsed = ConnectionParams::fromUrl(url);
    if (!parsed.ok()) {
        *why = parsed.error().message;
        return std::nullopt;
    }
    ConnectionParams p = parsed.value();
    p.redisPrefix =
        QStringLiteral("t%1:").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    return p;
}

} // namespace

std::optional<ConnectionParams> TestRedis::fresh(QString *why) {
    return fromEnv("LOCKSCOPE_TEST_REDIS_URL", why);
}

std::optional<ConnectionParams> TestRedis::freshTls(QString *why) {
    return fromEnv("LOCKSCOPE_TEST_REDISS_URL", why);
}

QString TestRedis::urlFor(const ConnectionParams &params) {
    return params.displayUrl();
}

QString TestRedis::cli(const ConnectionParams &params, const QStringList &args) {
    QProcess p;
    QStringList argv{QStringLiteral("--no-auth-warning"),
                     QStringLiteral("-h"),
                     params.host,
                     QStringLiteral("-p"),
                     QString::number(params.port),
                     QStringLiteral("-n"),
                     QString::number(params.redisDb)};
    if (!params.user.isEmpty())
        argv << QStringLiteral("--user") << params.user;
    if (params.redisTls)
        argv << QStringLiteral("--tls") << QStringLiteral("--cacert") << params.sslrootcert;
    p.start(QStringLiteral("redis-cli"), argv + args);
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

int TestRedis::cutThreadConnection(const ConnectionParams &params, const QString &purpose) {
    auto id = RedisThreadConnections::get(params, purpose).command({"CLIENT", "ID"});
    if (!id.ok() || !id->isInteger())
        return 0;
    return cli(params, {QStringLiteral("CLIENT"), QStringLiteral("KILL"), QStringLiteral("ID"),
                        QString::number(id->integer)})
        .toInt();
}

} // namespace lockscope::test
