#include "lease/redisinspector.h"

#include "lease/leaseinfo.h"
#include "lease/redisleasescripts.h"
#include "lease/redisscope.h"
#include "redis/redisconnection.h"

#include <QCoreApplication>
#include <QHash>

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
    const RedisScope scope = RedisScope::of(params, redisGlob);
    const QByteArray &pattern = scope.pattern;
    const QByteArray internal = RedisLeaseScripts::internalPrefix();
    // LockScope's own locks: the keys behind the fence counters SCAN found
    // (a counter outlives its lock; a key that is gone is skipped below).
    const bool byFence = scope.kind == RedisScope::Kind::LockScopeOnly;
    const QByteArray fencePrefix = internal + "fence:";
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
            if (byFence) {
                const QByteArray key = k.str.mid(fencePrefix.size());
                if (k.str.startsWith(fencePrefix) && !key.isEmpty() && !key.startsWith(internal))
                    keys.append(key);
            } else if (!k.str.startsWith(internal)) {
                keys.append(k.str);
            }
        }
        if (keys.isEmpty() && haveTime)
            continue;
        // Per batch: the values and the fence counters by one MGET each (MGET
        // answers nil for a key of another type), and each key's PTTL; then the
        // TYPE of the keys that had no string value. About 1,000 commands per
        // 1,000 keys, where a TYPE, PTTL, GET and fence GET each were 4,000.
        if (keys.isEmpty()) {
            // A batch without keys (SCAN may answer one): only the clock, once.
            auto time = connection.command({"TIME"});
            if (!time.ok())
                return time.error();
            if (time->isArray() && time->elements.size() == 2) {
                snap.serverNow =
                    time->elements.at(0).str.toDouble() + time->elements.at(1).str.toDouble() / 1e6;
                haveTime = true;
            }
            continue;
        }
        QList<RedisConnection::Command> commands{{"TIME"}};
        RedisConnection::Command values{"MGET"};
        RedisConnection::Command fences{"MGET"};
        values.reserve(keys.size() + 1);
        fences.reserve(keys.size() + 1);
        for (const QByteArray &k : std::as_const(keys)) {
            values.append(k);
            fences.append(internal + "fence:" + k);
        }
        commands.append(values);
        commands.append(fences);
        for (const QByteArray &k : std::as_const(keys))
            commands.append({"PTTL", k});
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
        for (qsizetype r = 1; r < replies->size(); ++r) {
            if (replies->at(r).isError())
                return connection.replyError(replies->at(r), what);
        }
        const RedisReply &valueReply = replies->at(1);
        const RedisReply &fenceReply = replies->at(2);
        if (!valueReply.isArray() || valueReply.elements.size() != keys.size() ||
            !fenceReply.isArray() || fenceReply.elements.size() != keys.size())
            return Error{
                ErrorKind::Database,
                QCoreApplication::translate("lockscope::RedisInspector", "%1 answered MGET oddly.")
                    .arg(connection.where())};
        QList<qsizetype> untyped;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const RedisReply &pttl = replies->at(3 + i);
            if (valueReply.elements.at(i).isNil() && !(pttl.isInteger() && pttl.integer == -2))
                untyped.append(i);
        }
        QHash<qsizetype, QByteArray> typeOf;
        if (!untyped.isEmpty()) {
            QList<RedisConnection::Command> typeCommands;
            typeCommands.reserve(untyped.size());
            for (const qsizetype i : std::as_const(untyped))
                typeCommands.append({"TYPE", keys.at(i)});
            auto types = connection.pipeline(typeCommands);
            if (!types.ok())
                return types.error();
            for (qsizetype t = 0; t < untyped.size(); ++t) {
                if (types->at(t).isError())
                    return connection.replyError(types->at(t), what);
                typeOf.insert(untyped.at(t), types->at(t).str);
            }
        }
        QList<qsizetype> hashes;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const RedisReply &pttl = replies->at(3 + i);
            const RedisReply &value = valueReply.elements.at(i);
            const RedisReply &fence = fenceReply.elements.at(i);
            const QByteArray type = value.isNil() ? typeOf.value(i, "none") : QByteArray("string");
            if (type == "none")
                continue; // expired or deleted between SCAN and the pipeline
            RedisLockRow row;
            row.key = QString::fromUtf8(keys.at(i).mid(prefix.size()));
            // Almost every key is a string: share one QString for it.
            static const QString kString = QStringLiteral("string");
            row.type = type == "string" ? kString : QString::fromUtf8(type);
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
