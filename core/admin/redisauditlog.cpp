#include "admin/redisauditlog.h"

#include "lease/redisleasescripts.h"
#include "redis/redisconnection.h"

#include <QCoreApplication>
#include <QSysInfo>

#include <cmath>

namespace lockscope {

namespace {

const QByteArray kFields[] = {"db_user", "os_user",        "os_host", "tool",  "action",
                              "target",  "previous_token", "outcome", "detail"};

QString userOf(const ConnectionParams &params) {
    return params.user.isEmpty() ? QStringLiteral("default") : params.user;
}

// "1700000000123-4" -> 1700000000123 * 1000 + 4 (ordered like the stream ids).
qint64 numericId(const QByteArray &streamId, double *at) {
    const qsizetype dash = streamId.indexOf('-');
    const qint64 ms = streamId.left(dash).toLongLong();
    const qint64 seq = dash < 0 ? 0 : streamId.mid(dash + 1).toLongLong();
    *at = static_cast<double>(ms) / 1000.0;
    return ms * 1000 + seq;
}

AuditEntry parse(const RedisReply &item) {
    AuditEntry e;
    if (!item.isArray() || item.elements.size() != 2)
        return e;
    e.id = numericId(item.elements.at(0).str, &e.at);
    const auto &fields = item.elements.at(1).elements;
    for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
        const QByteArray &name = fields.at(i).str;
        const QString value = QString::fromUtf8(fields.at(i + 1).str);
        if (name == "db_user")
            e.dbUser = value;
        else if (name == "os_user")
            e.osUser = value;
        else if (name == "os_host")
            e.osHost = value;
        else if (name == "tool")
            e.tool = value;
        else if (name == "action")
            e.action = value;
        else if (name == "target")
            e.target = value;
        else if (name == "previous_token")
            e.previousToken = value;
        else if (name == "outcome")
            e.outcome = value;
        else if (name == "detail")
            e.detail = value;
    }
    return e;
}

bool passes(const AuditEntry &e, const AuditFilter &filter) {
    if (!filter.action.isEmpty() && e.action != filter.action)
        return false;
    if (filter.target && !filter.target->match(e.target).hasMatch())
        return false;
    return true;
}

} // namespace

QByteArray RedisAuditLog::streamKey(const ConnectionParams &params) {
    return RedisLeaseScripts::internalPrefix() + "audit:" + params.redisPrefix.toUtf8();
}

Status RedisAuditLog::record(RedisConnection &connection, AuditEntry entry) {
    if (entry.osUser.isEmpty())
        entry.osUser = AuditLog::currentOsUser();
    if (entry.osHost.isEmpty())
        entry.osHost = QSysInfo::machineHostName();
    if (entry.dbUser.isEmpty())
        entry.dbUser = userOf(connection.params());
    const QString values[] = {entry.dbUser,        entry.osUser,  entry.osHost,
                              entry.tool,          entry.action,  entry.target,
                              entry.previousToken, entry.outcome, entry.detail};
    RedisConnection::Command argv{"XADD", streamKey(connection.params()),  "MAXLEN",
                                  "~",    QByteArray::number(kMaxEntries), "*"};
    for (int i = 0; i < 9; ++i) {
        argv.append(kFields[i]);
        argv.append(values[i].toUtf8());
    }
    auto reply = connection.command(argv);
    if (!reply.ok())
        return reply.error();
    if (reply->isError())
        return connection.replyError(reply.value(),
                                     QCoreApplication::translate("lockscope::RedisAuditLog",
                                                                 "record the action in the "
                                                                 "audit stream"));
    return {};
}

Result<QList<AuditEntry>> RedisAuditLog::recent(RedisConnection &connection, int limit,
                                                const AuditFilter &filter) {
    const QByteArray key = streamKey(connection.params());
    QByteArray end = "+";
    QByteArray start = "-";
    if (filter.since) // epoch seconds by the server's clock, as the stream ids are
        start = QByteArray::number(static_cast<qint64>(std::floor(*filter.since * 1000.0)));
    const bool filtered = !filter.action.isEmpty() || filter.target.has_value();
    const int page = filtered ? std::max(limit, 1000) : limit;
    QList<AuditEntry> out;
    while (out.size() < limit) {
        auto reply =
            connection.command({"XREVRANGE", key, end, start, "COUNT", QByteArray::number(page)});
        if (!reply.ok())
            return reply.error();
        if (reply->isError())
            return connection.replyError(
                reply.value(),
                QCoreApplication::translate("lockscope::RedisAuditLog", "read the audit stream"));
        const auto &items = reply->elements;
        for (const RedisReply &item : items) {
            AuditEntry e = parse(item);
            if (passes(e, filter))
                out.append(e);
            if (out.size() >= limit)
                break;
        }
        if (items.size() < page)
            break;
        end = "(" + items.last().elements.at(0).str; // exclusive: older than the last seen
    }
    return out;
}

} // namespace lockscope
