#include "lease/redisfencedwrite.h"

#include "lease/redisleasescripts.h"

#include <QCoreApplication>

namespace lockscope {

QByteArray RedisFencedWrite::fenceKey(const ConnectionParams &params, const QString &resource) {
    return RedisLeaseScripts::internalPrefix() + "resource:" + params.redisPrefix.toUtf8() +
           resource.toUtf8();
}

Result<qint64> RedisFencedWrite::highest(RedisConnection &connection, const QString &resource) {
    auto reply = connection.command({"GET", fenceKey(connection.params(), resource)});
    if (!reply.ok())
        return reply.error();
    if (reply->isError())
        return connection.replyError(
            reply.value(),
            QCoreApplication::translate("lockscope::RedisFencedWrite", "read the fence of '%1'")
                .arg(resource));
    return reply->isString() ? reply->str.toLongLong() : 0;
}

Result<bool> RedisFencedWrite::apply(RedisConnection &connection, const QString &resource,
                                     qint64 fence, const QList<RedisConnection::Command> &writes) {
    const QString what =
        QCoreApplication::translate("lockscope::RedisFencedWrite", "write '%1' with fence %2")
            .arg(resource)
            .arg(fence);
    const QByteArray key = fenceKey(connection.params(), resource);
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto watched = connection.pipeline({{"WATCH", key}, {"GET", key}});
        if (!watched.ok())
            return watched.error();
        for (const RedisReply &r : std::as_const(watched.value())) {
            if (r.isError())
                return connection.replyError(r, what);
        }
        const qint64 current = watched->at(1).isString() ? watched->at(1).str.toLongLong() : 0;
        if (fence < current) {
            (void)connection.command({"UNWATCH"});
            return false;
        }
        QList<RedisConnection::Command> tx{{"MULTI"}, {"SET", key, QByteArray::number(fence)}};
        tx += writes;
        tx.append({"EXEC"});
        auto replies = connection.pipeline(tx);
        if (!replies.ok())
            return replies.error();
        const RedisReply &exec = replies->last();
        if (exec.isError())
            return connection.replyError(exec, what);
        for (const RedisReply &r : std::as_const(replies.value())) {
            if (r.isError()) // a queued command refused (EXECABORT follows)
                return connection.replyError(r, what);
        }
        if (exec.isNil())
            continue; // another client changed the fence meanwhile: look again
        return true;
    }
    return Error{ErrorKind::Busy,
                 QCoreApplication::translate("lockscope::RedisFencedWrite",
                                             "Cannot %1: the fence kept changing under contention.")
                     .arg(what)};
}

} // namespace lockscope
