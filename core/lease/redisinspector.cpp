#include "lease/redisinspector.h"

#include "lease/leaseinfo.h"
#include "lease/redisleasescripts.h"
#include "lease/redisscope.h"
#include "lease/redissharedscripts.h"
#include "redis/redisconnection.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <tuple>

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

namespace {

// Each semaphore or reader-writer key: its hash (kind, permits, h:<token>
// entries) and its holders set (token -> expiry ms), in one pipeline.
Result<QList<SharedKeyRow>> readShared(RedisConnection &connection, const QStringList &keys) {
    QList<SharedKeyRow> out;
    if (keys.isEmpty())
        return out;
    const ConnectionParams &params = connection.params();
    QList<RedisConnection::Command> reads;
    for (const QString &key : keys) {
        reads.append({"HGETALL", RedisLeaseScripts::leaseKey(params, key)});
        reads.append(
            {"ZRANGE", RedisSharedScripts::holdersKey(params, key), "0", "-1", "WITHSCORES"});
    }
    auto replies = connection.pipeline(reads);
    if (!replies.ok())
        return replies.error();
    const QString what = QCoreApplication::translate(
        "lockscope::RedisInspector", "read the semaphores and reader-writer leases");
    for (qsizetype k = 0; k < keys.size(); ++k) {
        const RedisReply &hash = replies->at(2 * k);
        const RedisReply &holders = replies->at(2 * k + 1);
        if (hash.isError())
            return connection.replyError(hash, what);
        if (holders.isError())
            return connection.replyError(holders, what);
        QHash<QByteArray, QByteArray> fields;
        for (qsizetype f = 0; f + 1 < hash.elements.size(); f += 2)
            fields.insert(hash.elements.at(f).str, hash.elements.at(f + 1).str);
        if (fields.value("kind") != "semaphore" && fields.value("kind") != "rw")
            continue; // gone (or changed) since the scan
        SharedKeyRow row;
        row.key = keys.at(k);
        row.kind = QString::fromUtf8(fields.value("kind"));
        row.permits = fields.value("permits").toInt();
        for (qsizetype m = 0; m + 1 < holders.elements.size(); m += 2) {
            const QByteArray token = holders.elements.at(m).str;
            const QList<QByteArray> parts = fields.value("h:" + token).split(' ');
            if (parts.size() != 4)
                continue;
            SharedHolderRow h;
            h.role = QString::fromUtf8(parts.at(0));
            h.acquiredAt = parts.at(1).toDouble() / 1000.0;
            if (parts.at(2) != "-")
                h.fence = parts.at(2).toLongLong();
            h.slot = h.role == QLatin1String("slot") ? parts.at(3).toInt() : -1;
            h.token = QString::fromUtf8(token);
            h.owner = OwnerToken::ownerOf(h.token);
            h.expiresAt = holders.elements.at(m + 1).str.toDouble() / 1000.0;
            row.holders.append(h);
        }
        std::sort(row.holders.begin(), row.holders.end(),
                  [](const SharedHolderRow &a, const SharedHolderRow &b) {
                      return std::tie(a.role, a.slot, a.acquiredAt) <
                             std::tie(b.role, b.slot, b.acquiredAt); // as SharedLockQueries
                  });
        out.append(row);
    }
    return out;
}

// One batch of SCAN's keys (already narrowed to the keys to show): their rows
// into `snap`, the semaphore and reader-writer keys into `sharedKeys`.
Status readBatch(RedisConnection &connection, const QList<QByteArray> &keys,
                 const QByteArray &prefix, const QByteArray &internal, const QString &what,
                 RedisLockSnapshot &snap, QStringList &sharedKeys, bool &haveTime) {
    if (keys.isEmpty() && haveTime)
        return {};
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
        return {};
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
        batchTime = time.elements.at(0).str.toDouble() + time.elements.at(1).str.toDouble() / 1e6;
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
        return Error{ErrorKind::Database, QCoreApplication::translate("lockscope::RedisInspector",
                                                                      "%1 answered MGET oddly.")
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
        for (const qsizetype r : std::as_const(hashes)) {
            const QByteArray name = prefix + snap.rows.at(r).key.toUtf8();
            reads.append({"HSCAN", name, "0", "COUNT", "4"});
            reads.append({"HGET", name, "kind"});
        }
        auto hashReplies = connection.pipeline(reads);
        if (!hashReplies.ok())
            return hashReplies.error();
        QList<qsizetype> sharedRows;
        for (qsizetype h = 0; h < hashes.size(); ++h) {
            const RedisReply &kind = hashReplies->at(2 * h + 1);
            if (kind.isString() && (kind.str == "semaphore" || kind.str == "rw")) {
                sharedRows.append(hashes.at(h));
                continue;
            }
            const RedisReply &r = hashReplies->at(2 * h);
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
        for (qsizetype i = sharedRows.size() - 1; i >= 0; --i) {
            sharedKeys.append(snap.rows.at(sharedRows.at(i)).key);
            snap.rows.removeAt(sharedRows.at(i));
        }
    }
    return {};
}

} // namespace

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
    QStringList sharedKeys;
    bool haveTime = false;
    const Status scanned =
        connection.scanEach(pattern, batch, what, [&](const QList<QByteArray> &found) -> Status {
            QList<QByteArray> keys;
            for (const QByteArray &k : found) {
                if (byFence) {
                    const QByteArray key = k.mid(fencePrefix.size());
                    if (k.startsWith(fencePrefix) && !key.isEmpty() && !key.startsWith(internal))
                        keys.append(key);
                } else if (!k.startsWith(internal)) {
                    keys.append(k);
                }
            }
            return readBatch(connection, keys, prefix, internal, what, snap, sharedKeys, haveTime);
        });
    if (!scanned.ok())
        return scanned.error();
    auto shared = readShared(connection, sharedKeys);
    if (!shared.ok())
        return shared.error();
    snap.shared = std::move(shared.value());
    std::sort(snap.shared.begin(), snap.shared.end(),
              [](const SharedKeyRow &a, const SharedKeyRow &b) { return a.key < b.key; });
    std::sort(snap.rows.begin(), snap.rows.end(),
              [](const RedisLockRow &a, const RedisLockRow &b) { return a.key < b.key; });
    return snap;
}

} // namespace lockscope
