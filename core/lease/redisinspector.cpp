#include "lease/redisinspector.h"

#include "lease/leaseinfo.h"
#include "lease/redisleasescripts.h"
#include "redis/redisconnection.h"

#include <QCoreApplication>
#include <algorithm>

namespace lockscope {

QByteArray RedisInspector::escapeGlob(const QByteArray &literal) {
    QByteArray out;
    out.reserve(literal.size());
    for (const char c : literal) {
        if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

Result<RedisLockSnapshot> RedisInspector::snapshot(RedisConnection &connection,
                                                   const QString &redisGlob, int batch) {
    const ConnectionParams &params = connection.params();
    const QByteArray prefix = params.redisPrefix.toUtf8();
    const QByteArray pattern =
        escapeGlob(prefix) + (redisGlob.isEmpty() ? QByteArray("*") : redisGlob.toUtf8());
    const QByteArray internal = RedisLeaseScripts::internalPrefix();
    const QString what = QCoreApplication::translate("lockscope::RedisInspector", "list the locks");
    RedisLockSnapshot snap;
    QByteArray cursor = "0";
    bool haveTime = false;
    do {
        auto scanned = connection.command(
            {"SCAN", cursor, "MATCH", pattern, "COUNT", QByteArray::number(batch)});
        if (!scanned.ok())
            return scanned.error();
        if (scanned->isError())
            return connection.replyError(scanned.value(), what);
        if (!scanned->isArray() || scanned->elements.size() != 2)
            return Error{
                ErrorKind::Database,
                QCoreApplication::translate("lockscope::RedisInspector", "%1 answered SCAN oddly.")
                    .arg(connection.where())};
        cursor = scanned->elements.at(0).str;
        QList<QByteArray> keys;
        for (const RedisReply &k : std::as_const(scanned->elements.at(1).elements)) {
            if (!k.str.startsWith(internal))
                keys.append(k.str);
        }
        if (keys.isEmpty() && haveTime)
            continue;
        QList<RedisConnection::Command> commands{{"TIME"}};
        for (const QByteArray &k : std::as_const(keys)) {
            commands.append({"TYPE", k});
            commands.append({"PTTL", k});
            commands.append({"GET", k}); // a WRONGTYPE error reply for other types
            commands.append({"GET", internal + "fence:" + k});
        }
        auto replies = connection.pipeline(commands);
        if (!replies.ok())
            return replies.error();
        const RedisReply &time = replies->at(0);
        double batchTime = 0;
        if (time.isArray() && time.elements.size() == 2) {
            batchTime =
                time.elements.at(0).str.toDouble() + time.elements.at(1).str.toDouble() / 1e6;
            snap.serverNow = batchTime;
            haveTime = true;
        }
        QList<qsizetype> hashes;
        snap.rows.reserve(snap.rows.size() + keys.size());
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const RedisReply &type = replies->at(1 + 4 * i);
            const RedisReply &pttl = replies->at(2 + 4 * i);
            const RedisReply &value = replies->at(3 + 4 * i);
            const RedisReply &fence = replies->at(4 + 4 * i);
            if (type.isError())
                return connection.replyError(type, what);
            if (type.str == "none")
                continue; // expired or deleted between SCAN and the pipeline
            RedisLockRow row;
            row.key = QString::fromUtf8(keys.at(i).mid(prefix.size()));
            // Almost every key is a string: share one QString for it.
            static const QString kString = QStringLiteral("string");
            row.type = type.str == "string" ? kString : QString::fromUtf8(type.str);
            row.pttlMs = pttl.isInteger() ? pttl.integer : -1;
            row.readAt = batchTime;
            if (row.pttlMs == -2)
                continue; // gone meanwhile
            if (value.isString()) {
                row.token = QString::fromUtf8(value.str);
                row.owner = OwnerToken::ownerOf(row.token);
            }
            if (fence.isString())
                row.fence = fence.str.toLongLong();
            if (row.type == QLatin1String("hash"))
                hashes.append(snap.rows.size());
            snap.rows.append(std::move(row));
        }
        if (!hashes.isEmpty()) {
            QList<RedisConnection::Command> reads;
            for (const qsizetype r : std::as_const(hashes))
                reads.append({"HSCAN", prefix + snap.rows.at(r).key.toUtf8(), "0", "COUNT", "4"});
            auto hashReplies = connection.pipeline(reads);
            if (!hashReplies.ok())
                return hashReplies.error();
            for (qsizetype h = 0; h < hashes.size(); ++h) {
                const RedisReply &r = hashReplies->at(h);
                // {cursor "0", {field, value}}: exactly one field on the first page.
                if (!r.isArray() || r.elements.size() != 2 || r.elements.at(0).str != "0")
                    continue;
                const auto &fields = r.elements.at(1).elements;
                if (fields.size() != 2)
                    continue;
                RedisLockRow &row = snap.rows[hashes.at(h)];
                row.hashHolder = QString::fromUtf8(fields.at(0).str);
                bool ok = false;
                const qint64 count = fields.at(1).str.toLongLong(&ok);
                if (ok)
                    row.hashCount = count;
            }
        }
    } while (cursor != "0");
    std::sort(snap.rows.begin(), snap.rows.end(),
              [](const RedisLockRow &a, const RedisLockRow &b) { return a.key < b.key; });
    return snap;
}

} // namespace lockscope
