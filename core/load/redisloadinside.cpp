#include "load/redisloadinside.h"

#include "lease/redisinspector.h"
#include "lease/redisleasescripts.h"
#include "redis/redisconnection.h"
#include "redis/redisscript.h"
#include "redis/redisthreadconnections.h"

#include <QCoreApplication>

namespace lockscope {

namespace {

QByteArray probePrefix(const ConnectionParams &params, const QString &runId) {
    return RedisLeaseScripts::internalPrefix() + "load-inside:" + params.redisPrefix.toUtf8() +
           runId.toUtf8() + ':';
}

QByteArray probeKey(const ConnectionParams &params, const QString &runId, const QString &key) {
    return probePrefix(params, runId) + key.toUtf8();
}

QByteArray roleName(LoadInside::Role role) {
    switch (role) {
    case LoadInside::Role::Reader:
        return "reader";
    case LoadInside::Role::Writer:
        return "writer";
    case LoadInside::Role::Holder:
        break;
    }
    return "holder";
}

// KEYS probe; ARGV delta (1 in, -1 out), role. The same counting as
// LoadInside's UPDATE, in one script.
const RedisScript &step() {
    static const RedisScript script(QByteArrayLiteral(R"lua(
local d, role = tonumber(ARGV[1]), ARGV[2]
local inside = redis.call('HINCRBY', KEYS[1], 'inside', d)
if d > 0 then
  local most = tonumber(redis.call('HGET', KEYS[1], 'max_inside') or '0')
  if inside > most then redis.call('HSET', KEYS[1], 'max_inside', inside) end
  local readers = tonumber(redis.call('HGET', KEYS[1], 'readers') or '0')
  local writers = tonumber(redis.call('HGET', KEYS[1], 'writers') or '0')
  if (role == 'reader' and writers > 0) or (role == 'writer' and (writers > 0 or readers > 0)) then
    redis.call('HINCRBY', KEYS[1], 'overlapped', 1)
  end
end
if role == 'reader' then redis.call('HINCRBY', KEYS[1], 'readers', d) end
if role == 'writer' then redis.call('HINCRBY', KEYS[1], 'writers', d) end
return inside
)lua"));
    return script;
}

Status checked(RedisConnection &connection, const Result<RedisReply> &reply, const QString &what) {
    if (!reply.ok())
        return reply.error();
    if (reply->isError())
        return connection.replyError(reply.value(), what);
    return {};
}

} // namespace

Status RedisLoadInside::prepare(const ConnectionParams &params, const QString &runId,
                                const QStringList &keys) {
    RedisConnection connection(params); // the caller's thread keeps no connection
    QList<RedisConnection::Command> commands;
    for (const QString &key : keys)
        commands.append({"HSET", probeKey(params, runId, key), "inside", "0", "max_inside", "0",
                         "readers", "0", "writers", "0", "overlapped", "0"});
    if (commands.isEmpty())
        return {};
    auto replies = connection.pipeline(commands);
    if (!replies.ok())
        return replies.error();
    for (const RedisReply &r : std::as_const(replies.value())) {
        if (r.isError())
            return connection.replyError(r,
                                         QCoreApplication::translate("lockscope::RedisLoadInside",
                                                                     "prepare the load probe"));
    }
    return {};
}

Status RedisLoadInside::enter(const ConnectionParams &params, const QString &runId,
                              const QString &key, LoadInside::Role role) {
    RedisConnection &connection = RedisThreadConnections::get(params, QStringLiteral("load-work"));
    auto reply = step().run(
        connection, {probeKey(params, runId, key)}, {"1", roleName(role)},
        QCoreApplication::translate("lockscope::RedisLoadInside", "enter the load section"));
    return reply.ok() ? Status() : Status(reply.error());
}

Status RedisLoadInside::leave(const ConnectionParams &params, const QString &runId,
                              const QString &key, LoadInside::Role role) {
    RedisConnection &connection = RedisThreadConnections::get(params, QStringLiteral("load-work"));
    auto reply = step().run(
        connection, {probeKey(params, runId, key)}, {"-1", roleName(role)},
        QCoreApplication::translate("lockscope::RedisLoadInside", "leave the load section"));
    return reply.ok() ? Status() : Status(reply.error());
}

Result<QHash<QString, LoadInside::Figures>> RedisLoadInside::figures(const ConnectionParams &params,
                                                                     const QString &runId) {
    RedisConnection connection(params);
    const QString what =
        QCoreApplication::translate("lockscope::RedisLoadInside", "read the load probe");
    const QByteArray prefix = probePrefix(params, runId);
    auto keys = connection.scanAll(RedisInspector::escapeGlob(prefix) + '*', what);
    if (!keys.ok())
        return keys.error();
    QHash<QString, LoadInside::Figures> out;
    if (keys->isEmpty())
        return out;
    QList<RedisConnection::Command> reads;
    for (const QByteArray &k : std::as_const(keys.value()))
        reads.append({"HMGET", k, "max_inside", "overlapped"});
    auto replies = connection.pipeline(reads);
    if (!replies.ok())
        return replies.error();
    for (qsizetype i = 0; i < keys->size(); ++i) {
        const RedisReply &r = replies->at(i);
        if (r.isError())
            return connection.replyError(r, what);
        if (r.elements.size() != 2)
            continue;
        out.insert(QString::fromUtf8(keys->at(i).mid(prefix.size())),
                   LoadInside::Figures{r.elements.at(0).str.toLongLong(),
                                       r.elements.at(1).str.toLongLong()});
    }
    return out;
}

Status RedisLoadInside::drop(const ConnectionParams &params, const QString &runId) {
    RedisConnection connection(params);
    const QString what =
        QCoreApplication::translate("lockscope::RedisLoadInside", "drop the load probe");
    auto keys =
        connection.scanAll(RedisInspector::escapeGlob(probePrefix(params, runId)) + '*', what);
    if (!keys.ok())
        return keys.error();
    if (keys->isEmpty())
        return {};
    RedisConnection::Command argv{"DEL"};
    argv.append(keys.value());
    return checked(connection, connection.command(argv), what);
}

} // namespace lockscope
