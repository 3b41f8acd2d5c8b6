#include "db/redisurl.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace lockscope {

namespace {

// QUrl's error text without its "; source was "<the whole URL>"" part, which
// would print a password given in the URL.
QString urlProblem(const QUrl &url) {
    QString why = url.errorString();
    const qsizetype source = why.indexOf(QLatin1String("; source was"));
    if (source >= 0)
        why.truncate(source);
    return why;
}

Error badUrl(const QString &why) {
    return Error{
        ErrorKind::InvalidArgument,
        QCoreApplication::translate("lockscope::RedisUrl",
                                    "Invalid Redis URL: %1. Use redis://user@host:port/db or "
                                    "rediss://user@host:port/db?sslrootcert=/path/ca.crt (the "
                                    "password from REDISCLI_AUTH).")
            .arg(why)};
}

} // namespace

Result<ConnectionParams> RedisUrl::parse(const QString &text) {
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return badUrl(QCoreApplication::translate("lockscope::RedisUrl", "it cannot be parsed (%1)")
                          .arg(urlProblem(url)));
    ConnectionParams p;
    p.driver = Driver::Redis;
    p.applicationName.clear();
    p.redisTls = url.scheme() == QLatin1String("rediss");
    p.host = url.host();
    if (p.host.isEmpty())
        return badUrl(QCoreApplication::translate("lockscope::RedisUrl", "it names no host"));
    p.port = url.port(6379);
    if (p.port <= 0 || p.port > 65535)
        return badUrl(QCoreApplication::translate("lockscope::RedisUrl",
                                                  "the port must be between 1 and 65535"));
    p.user = url.userName(QUrl::FullyDecoded);
    p.password = url.password(QUrl::FullyDecoded);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (!path.isEmpty()) {
        bool ok = false;
        p.redisDb = path.toInt(&ok);
        if (!ok || p.redisDb < 0 || path.contains(QLatin1Char('+')))
            return badUrl(
                QCoreApplication::translate("lockscope::RedisUrl",
                                            "the database must be a number from 0 up (the server's "
                                            "`databases` setting), not '%1'")
                    .arg(path));
    }
    const QUrlQuery query(url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name == QLatin1String("prefix")) {
            p.redisPrefix = value;
        } else if (name == QLatin1String("match")) {
            if (value.isEmpty())
                return badUrl(QCoreApplication::translate(
                    "lockscope::RedisUrl",
                    "match is empty: give a glob of the keys to list (e.g. match=lock:*), or "
                    "leave it out"));
            p.redisMatch = value;
        } else if (name == QLatin1String("sslrootcert")) {
            if (!p.redisTls)
                return badUrl(QCoreApplication::translate(
                    "lockscope::RedisUrl", "sslrootcert needs TLS: write rediss:// instead of "
                                           "redis://"));
            if (value.isEmpty())
                return badUrl(
                    QCoreApplication::translate("lockscope::RedisUrl", "sslrootcert is empty"));
            p.sslrootcert = value;
        } else if (name == QLatin1String("connect_timeout")) {
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds < 1 || seconds > 3600)
                return badUrl(QCoreApplication::translate(
                    "lockscope::RedisUrl", "connect_timeout must be whole seconds from 1 to 3600"));
            p.connectTimeoutS = seconds;
        } else {
            return badUrl(
                QCoreApplication::translate("lockscope::RedisUrl",
                                            "the parameter '%1' is not supported (use prefix, "
                                            "match, sslrootcert or connect_timeout)")
                    .arg(name));
        }
    }
    return p;
}

QString RedisUrl::display(const ConnectionParams &params) {
    QUrl url;
    url.setScheme(params.redisTls ? QStringLiteral("rediss") : QStringLiteral("redis"));
    url.setUserName(params.user);
    url.setHost(params.host);
    url.setPort(params.port);
    url.setPath(QLatin1Char('/') + QString::number(params.redisDb));
    QUrlQuery query;
    if (!params.redisPrefix.isEmpty())
        query.addQueryItem(QStringLiteral("prefix"), params.redisPrefix);
    if (!params.redisMatch.isEmpty())
        query.addQueryItem(QStringLiteral("match"), params.redisMatch);
    if (!params.sslrootcert.isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), params.sslrootcert);
    if (params.connectTimeoutS != 5)
        query.addQueryItem(QStringLiteral("connect_timeout"),
                           QString::number(params.connectTimeoutS));
    if (!query.isEmpty())
        url.setQuery(query);
    return url.toString();
}

} // namespace lockscope
