#include "db/connectionparams.h"

#include "db/redisurl.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
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
    return Error{ErrorKind::InvalidArgument,
                 QCoreApplication::translate(
                     "lockscope::ConnectionParams",
                     "Invalid database URL: %1. Use postgres://user@host:port/database, "
                     "sqlite:///absolute/path.db or redis://user@host:port/db.")
                     .arg(why)};
}

// libpq's conninfo rules: the value in single quotes, with ' and \ escaped by
// a backslash.
QString conninfoValue(const QString &value) {
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

const QStringList &sslModes() {
    static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                   QStringLiteral("prefer"),    QStringLiteral("require"),
                                   QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

Result<ConnectionParams> parsePostgres(const QString &text) {
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return badUrl(
            QCoreApplication::translate("lockscope::ConnectionParams", "it cannot be parsed (%1)")
                .arg(urlProblem(url)));
    ConnectionParams p;
    p.driver = Driver::Postgres;
    // Only what the URL says: the program fills in its own name when the URL
    // has none (lockctl, lockscope), so a URL's application_name always wins.
    p.applicationName.clear();
    p.host = url.host();
    p.port = url.port(5432);
    if (p.port <= 0 || p.port > 65535)
        return badUrl(QCoreApplication::translate("lockscope::ConnectionParams",
                                                  "the port must be between 1 and 65535"));
    p.user = url.userName(QUrl::FullyDecoded);
    p.password = url.password(QUrl::FullyDecoded);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    p.database = path;
    const QUrlQuery query(url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name == QLatin1String("sslmode")) {
            if (!sslModes().contains(value))
                return badUrl(QCoreApplication::translate("lockscope::ConnectionParams",
                                                          "sslmode must be one of %1, not '%2'")
                                  .arg(sslModes().join(QStringLiteral(", ")), value));
            p.sslmode = value;
        } else if (name == QLatin1String("sslrootcert")) {
            p.sslrootcert = value;
        } else if (name == QLatin1String("connect_timeout")) {
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds < 1 || seconds > 3600)
                return badUrl(QCoreApplication::translate(
                    "lockscope::ConnectionParams",
                    "connect_timeout must be whole seconds from 1 to 3600"));
            p.connectTimeoutS = seconds;
        } else if (name == QLatin1String("application_name")) {
            p.applicationName = value;
        } else {
            return badUrl(
                QCoreApplication::translate("lockscope::ConnectionParams",
                                            "the parameter '%1' is not supported (use sslmode, "
                                            "sslrootcert, connect_timeout or application_name)")
                    .arg(name));
        }
    }
    if (const QString why = p.unsafeOption(); !why.isEmpty())
        return Error{
            ErrorKind::InvalidArgument,
            QCoreApplication::translate("lockscope::ConnectionParams", "Invalid database URL: %1.")
                .arg(why)};
    return p;
}

Result<ConnectionParams> parseSqlite(const QString &text) {
    QString rest = text.mid(QStringLiteral("sqlite:").size());
    QString path;
    if (rest.startsWith(QLatin1String("///"))) {
        path = QUrl::fromPercentEncoding(rest.mid(2).toUtf8());
    } else if (rest.startsWith(QLatin1String("//"))) {
        return badUrl(QCoreApplication::translate(
            "lockscope::ConnectionParams",
            "a SQLite URL has no host: write sqlite:///absolute/path.db "
            "(three slashes) or sqlite:relative.db"));
    } else {
        path = QUrl::fromPercentEncoding(rest.toUtf8());
    }
    if (path.isEmpty())
        return badUrl(QCoreApplication::translate("lockscope::ConnectionParams",
                                                  "the SQLite file path is empty"));
    ConnectionParams p;
    p.driver = Driver::Sqlite;
    p.sqlitePath = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    return p;
}

} // namespace

QString ConnectionParams::qtDriverName() const {
    return isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
}

QString ConnectionParams::displayUrl() const {
    if (isSqlite())
        return QStringLiteral("sqlite://") + sqlitePath;
    if (isRedis())
        return RedisUrl::display(*this);
    QUrl url;
    url.setScheme(QStringLiteral("postgres"));
    url.setUserName(user);
    url.setHost(host.isEmpty() ? QStringLiteral("localhost") : host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery query;
    if (!sslmode.isEmpty())
        query.addQueryItem(QStringLiteral("sslmode"), sslmode);
    if (!sslrootcert.isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), sslrootcert);
    if (connectTimeoutS != 5)
        query.addQueryItem(QStringLiteral("connect_timeout"), QString::number(connectTimeoutS));
    if (!query.isEmpty())
        url.setQuery(query);
    return url.toString();
}

QString ConnectionParams::identity() const {
    const QString text = displayUrl() + QLatin1Char('|') + sslrootcert + QLatin1Char('|') +
                         QString::number(connectTimeoutS) + QLatin1Char('|') + applicationName;
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
}

QString ConnectionParams::postgresConnectOptions() const {
    // QPSQL joins these to its conninfo string after turning each ';' into a
    // space; libpq splits that string on spaces outside quotes.
    QStringList options;
    options << QStringLiteral("connect_timeout=%1").arg(connectTimeoutS);
    if (!sslmode.isEmpty())
        options << QStringLiteral("sslmode=") + conninfoValue(sslmode);
    if (!sslrootcert.isEmpty())
        options << QStringLiteral("sslrootcert=") + conninfoValue(sslrootcert);
    if (!applicationName.isEmpty())
        options << QStringLiteral("application_name=") + conninfoValue(applicationName);
    return options.join(QLatin1Char(';'));
}

QString ConnectionParams::unsafeOption() const {
    struct Option {
        const char *name;
        const QString &value;
        const char *instead;
    };
    const Option options[] = {
        {"sslmode", sslmode, "one of disable, allow, prefer, require, verify-ca, verify-full"},
        {"sslrootcert", sslrootcert, "a path without it (a symbolic link to the file will do)"},
        {"application_name", applicationName, "a name without it"}};
    for (const Option &option : options) {
        const bool semicolon = option.value.contains(QLatin1Char(';'));
        if (!semicolon && !option.value.contains(QChar(u'\0')))
            continue;
        return QCoreApplication::translate(
                   "lockscope::ConnectionParams",
                   "the %1 value contains %2, which the Qt PostgreSQL driver cannot "
                   "pass on to libpq as it is; use %3")
            .arg(QLatin1String(option.name),
                 semicolon ? QStringLiteral("';'")
                           : QCoreApplication::translate("lockscope::ConnectionParams",
                                                         "a NUL character"),
                 QLatin1String(option.instead));
    }
    return {};
}

Result<ConnectionParams> ConnectionParams::fromUrl(const QString &url) {
    const QString text = url.trimmed();
    if (text.isEmpty())
        return badUrl(QCoreApplication::translate("lockscope::ConnectionParams", "it is empty"));
    if (text.startsWith(QLatin1String("postgres://")) ||
        text.startsWith(QLatin1String("postgresql://")))
        return parsePostgres(text);
    if (text.startsWith(QLatin1String("sqlite:")))
        return parseSqlite(text);
    if (text.startsWith(QLatin1String("redis://")) || text.startsWith(QLatin1String("rediss://")))
        return RedisUrl::parse(text);
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString scheme = colon > 0 ? text.left(colon) : QString();
    return badUrl(scheme.isEmpty() ? QCoreApplication::translate("lockscope::ConnectionParams",
                                                                 "it has no scheme")
                                   : QCoreApplication::translate("lockscope::ConnectionParams",
                                                                 "the scheme '%1' is not supported")
                                         .arg(scheme));
}

QString ConnectionParams::embeddedDefaultPath() {
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/lockscope/lockscope.db");
}

ConnectionParams ConnectionParams::embeddedDefault() {
    ConnectionParams p;
    p.driver = Driver::Sqlite;
    p.sqlitePath = embeddedDefaultPath();
    return p;
}

Result<ConnectionParams> ConnectionParams::resolve(const QString &urlOrEmpty) {
    if (!urlOrEmpty.isEmpty())
        return fromUrl(urlOrEmpty);
    const QString fromEnv = qEnvironmentVariable("LOCKSCOPE_DB");
    if (!fromEnv.isEmpty())
        return fromUrl(fromEnv);
    return embeddedDefault();
}

} // namespace lockscope
