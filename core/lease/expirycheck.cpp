#include "lease/expirycheck.h"

#include "db/threadconnections.h"
#include "lease/leasebackend.h"
#include "lease/leasesql.h"
#include "lease/redisleasestore.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

namespace {

// The key as a shell word, so the command in the message can be pasted.
QString shellWord(const QString &key) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@%+=,-]+$"));
    if (plain.match(key).hasMatch())
        return key;
    return QLatin1Char('\'') + QString(key).replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
           QLatin1Char('\'');
}

} // namespace

std::optional<QString> ExpiryCheck::invalidExpiry(const ConnectionParams &params,
                                                  const QString &key) {
    if (params.isRedis())
        return RedisLeaseStore::noExpiry(params, key);
    auto statement = ThreadConnections::prepared(params, LeaseBackend::connectionPurpose(),
                                                 LeaseSql::invalidExpiry(params.driver));
    if (!statement.ok())
        return std::nullopt;
    QSqlQuery &q = *statement.value();
    q.bindValue(0, key);
    std::optional<QString> invalid;
    if (q.exec() && q.next() && !q.isNull(0))
        invalid = q.value(0).toString();
    q.finish(); // SQLite: release the read before the next write on this connection
    return invalid;
}

Error ExpiryCheck::error(const QString &key, const QString &expiry) {
    return Error{ErrorKind::InvalidExpiry,
                 QCoreApplication::translate(
                     "lockscope::ExpiryCheck",
                     "The lease '%1' has an invalid expiry (%2) written by another "
                     "program: it never expires, so waiting cannot get it. Remove it "
                     "with `lockctl release --force -- %3`.")
                     .arg(key, expiry, shellWord(key))};
}

} // namespace lockscope
