#include "load/redisloadwork.h"

#include "lease/redisinspector.h"
#include "lease/redisleasescripts.h"
#include "redis/redisconnection.h"
#include "redis/redisthreadconnections.h"

#include <QCoreApplication>

namespace lockscope {

namespace {

const QString &purpose() {
    static const QString p = QStringLiteral("load-work");
    return p;
}

QByteArray counterPrefix(const ConnectionParams &params, const QString &runId) {
    return RedisLeaseScripts::internalPrefix() + "load:" + params.redisPrefix.toUtf8() +
           runId.toUtf8() + ':';
}

QByteArray counterKey(const ConnectionParams &params, const QString &runId, const QString &key) {
    return counterPrefix(params, runId) + key.toUtf8();
}

Status checked(RedisConnection &connection, const Result<RedisReply> &reply, const QString &what) {
    if (!reply.ok())
        return reply.error();
    if (reply->isError())
        return connection.replyError(reply.value(), what);
    return {};
}

// SCAN MATCH pattern, every key.
Result<QList<QByteArray>> scanKeys(RedisConnection &connection, const QByteArray &pattern) {
    return connection.scanAll(
        pattern, QCoreApplication::translate("lockscope::RedisLoadWork", "scan the load keys"));
}

} // namespace

Status RedisLoadWork::prepare(const ConnectionParams &params, const QString &runId,
                              const QStringList &keys) {
    RedisConnection connection(params); // the caller's thread keeps no connection
    RedisConnection::Command argv{"MSET"};
    for (const QString &key : keys) {
        argv.append(counterKey(params, runId, key));
        argv.append("0");
    }
    if (keys.isEmpty())
        return {};
    return checked(
        connection, connection.command(argv),
        QCoreApplication::translate("lockscope::RedisLoadWork", "prepare the load counters"));
}

Status RedisLoadWork::readValue(const ConnectionParams &params, const QString &runId,
                                const QString &key, qint64 *value) {
    RedisConnection &connection = RedisThreadConnections::get(params, purpose());
    auto reply = connection.command({"GET", counterKey(params, runId, key)});
    if (auto s =
            checked(connection, reply,
                    QCoreApplication::translate("lockscope::RedisLoadWork", "read a load counter"));
        !s.ok())
        return s;
    *value = reply->str.toLongLong();
    return {};
}

Status RedisLoadWork::writeValue(const ConnectionParams &params, const QString &runId,
                                 const QString &key, qint64 value) {
    RedisConnection &connection = RedisThreadConnections::get(params, purpose());
    return checked(
        connection,
        connection.command({"SET", counterKey(params, runId, key), QByteArray::number(value)}),
        QCoreApplication::translate("lockscope::RedisLoadWork", "write a load counter"));
}

Result<QHash<QString, qint64>> RedisLoadWork::counters(const ConnectionParams &params,
                                                       const QString &runId) {
    RedisConnection connection(params);
    const QByteArray prefix = counterPrefix(params, runId);
    auto keys = scanKeys(connection, RedisInspector::escapeGlob(prefix) + '*');
    if (!keys.ok())
        return keys.error();
    QHash<QString, qint64> values;
    if (keys->isEmpty())
        return values;
    RedisConnection::Command argv{"MGET"};
    argv.append(keys.value());
    auto reply = connection.command(argv);
    if (auto s = checked(
            connection, reply,
            QCoreApplication::translate("lockscope::RedisLoadWork", "read the load counters"));
        !s.ok())
        return s.error();
    for (qsizetype i = 0; i < keys->size() && i < reply->elements.size(); ++i)
        values.insert(QString::fromUtf8(keys->at(i).mid(prefix.size())),
                      reply->elements.at(i).str.toLongLong());
    return values;
}

Result<qint64> RedisLoadWork::leftoverLeases(const ConnectionParams &params, const QString &runId) {
    RedisConnection connection(params);
    auto keys = scanKeys(connection, RedisInspector::escapeGlob(RedisLeaseScripts::leaseKey(
                                         params, QStringLiteral("load/%1/").arg(runId))) +
                                         '*');
    if (!keys.ok())
        return keys.error();
    return static_cast<qint64>(keys->size());
}

Status RedisLoadWork::drop(const ConnectionParams &params, const QString &runId) {
    RedisConnection connection(params);
    auto keys =
        scanKeys(connection, RedisInspector::escapeGlob(counterPrefix(params, runId)) + '*');
    if (!keys.ok())
        return keys.error();
    if (keys->isEmpty())
        return {};
    RedisConnection::Command argv{"DEL"};
    argv.append(keys.value());
    return checked(
        connection, connection.command(argv),
        QCoreApplication::translate("lockscope::RedisLoadWork", "drop the load counters"));
}

} // namespace lockscope
