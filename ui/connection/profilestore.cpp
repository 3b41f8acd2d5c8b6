#include "connection/profilestore.h"

#include <QSettings>

namespace lockscope::ui {

QList<Profile> ProfileStore::load() {
    QSettings settings;
    QList<Profile> profiles;
    settings.beginGroup(QStringLiteral("profiles"));
    const QStringList names = settings.childGroups();
    for (const QString &group : names) {
        settings.beginGroup(group);
        Profile p;
        p.name = settings.value(QStringLiteral("name"), group).toString();
        const QString driver = settings.value(QStringLiteral("driver")).toString();
        p.params.driver = driver == QLatin1String("sqlite")  ? Driver::Sqlite
                          : driver == QLatin1String("redis") ? Driver::Redis
                                                             : Driver::Postgres;
        p.params.host = settings.value(QStringLiteral("host")).toString();
        p.params.port = settings.value(QStringLiteral("port"), 5432).toInt();
        p.params.database = settings.value(QStringLiteral("database")).toString();
        p.params.user = settings.value(QStringLiteral("user")).toString();
        p.params.sslmode = settings.value(QStringLiteral("sslmode")).toString();
        p.params.sslrootcert = settings.value(QStringLiteral("sslrootcert")).toString();
        p.params.sqlitePath = settings.value(QStringLiteral("sqlitePath")).toString();
        p.params.redisTls = settings.value(QStringLiteral("redisTls"), false).toBool();
        p.params.redisDb = settings.value(QStringLiteral("redisDb"), 0).toInt();
        p.params.redisPrefix = settings.value(QStringLiteral("redisPrefix")).toString();
        p.params.redisMatch = settings.value(QStringLiteral("redisMatch")).toString();
        p.readOnly = settings.value(QStringLiteral("readOnly"), false).toBool();
        profiles.append(p);
        settings.endGroup();
    }
    return profiles;
}

void ProfileStore::save(const Profile &profile) {
    QSettings settings;
    settings.beginGroup(QStringLiteral("profiles"));
    // Group names are keys in an INI file: encode, keep the readable name inside.
    settings.beginGroup(QString::fromLatin1(profile.name.toUtf8().toHex()));
    settings.setValue(QStringLiteral("name"), profile.name);
    settings.setValue(QStringLiteral("driver"), profile.params.isSqlite() ? QStringLiteral("sqlite")
                                                : profile.params.isRedis()
                                                    ? QStringLiteral("redis")
                                                    : QStringLiteral("postgres"));
    settings.setValue(QStringLiteral("host"), profile.params.host);
    settings.setValue(QStringLiteral("port"), profile.params.port);
    settings.setValue(QStringLiteral("database"), profile.params.database);
    settings.setValue(QStringLiteral("user"), profile.params.user);
    settings.setValue(QStringLiteral("sslmode"), profile.params.sslmode);
    settings.setValue(QStringLiteral("sslrootcert"), profile.params.sslrootcert);
    settings.setValue(QStringLiteral("sqlitePath"), profile.params.sqlitePath);
    settings.setValue(QStringLiteral("redisTls"), profile.params.redisTls);
    settings.setValue(QStringLiteral("redisDb"), profile.params.redisDb);
    settings.setValue(QStringLiteral("redisPrefix"), profile.params.redisPrefix);
    settings.setValue(QStringLiteral("redisMatch"), profile.params.redisMatch);
    settings.setValue(QStringLiteral("readOnly"), profile.readOnly);
    settings.endGroup();
    settings.endGroup();
}

void ProfileStore::remove(const QString &name) {
    QSettings settings;
    settings.beginGroup(QStringLiteral("profiles"));
    settings.remove(QString::fromLatin1(name.toUtf8().toHex()));
}

QString ProfileStore::lastProfile() {
    return QSettings().value(QStringLiteral("lastProfile")).toString();
}

void ProfileStore::setLastProfile(const QString &name) {
    QSettings().setValue(QStringLiteral("lastProfile"), name);
}

} // namespace lockscope::ui
