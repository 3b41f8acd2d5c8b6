#include "lease/redissharedstore.h"

#include "lease/redisleasescripts.h"
#include "lease/redisleasestore.h"
#include "lease/redissharedscripts.h"
#include "redis/redisthreadconnections.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <thread>

namespace lockscope {

using std::chrono::milliseconds;

namespace {

QByteArray ms(milliseconds ttl) {
    return QByteArray::number(std::max<qint64>(1, ttl.count()));
}

Error oddReply(const QString &what) {
    return Error{ErrorKind::Database,
                 QCoreApplication::translate("lockscope::RedisSharedStore",
                                             "Cannot %1: unexpected reply from the script.")
                     .arg(what)};
}

} // namespace

RedisSharedStore::RedisSharedStore(const ConnectionParams &params, const LeaseConfig &config,
                                   std::atomic<quint64> &statements)
    : m_params(params)
    , m_config(config)
    , m_statements(statements) {}

RedisConnection &RedisSharedStore::connection() {
    return RedisThreadConnections::get(m_params, RedisLeaseStore::connectionPurpose());
}

Result<std::optional<SharedLockStore::KeyKind>>
RedisSharedStore::kindOf(const ConnectionParams &params, const QString &key) {
    RedisConnection &c = RedisThreadConnections::get(params, RedisLeaseStore::connectionPurpose());
    const QByteArray name = RedisLeaseScripts::leaseKey(params, key);
    auto replies = c.pipeline({{"TYPE", name}, {"HMGET", name, "kind", "permits"}});
    if (!replies.ok())
        return replies.error();
    const QString what =
        QCoreApplication::translate("lockscope::RedisSharedStore", "look up the kind of '%1'")
            .arg(key);
    if (replies->at(0).isError())
        return c.replyError(replies->at(0), what);
    if (replies->at(0).str != "hash" || replies->at(1).isError() ||
        replies->at(1).elements.size() != 2)
        return std::optional<SharedLockStore::KeyKind>();
    const QByteArray kind = replies->at(1).elements.at(0).str;
    if (kind != "semaphore" && kind != "rw")
        return std::optional<SharedLockStore::KeyKind>();
    return std::optional<SharedLockStore::KeyKind>(SharedLockStore::KeyKind{
        QString::fromUtf8(kind), replies->at(1).elements.at(1).str.toInt()});
}

Error RedisSharedStore::refusal(const QString &key, const RedisReply &reply, LockKind wanted,
                                int permits) {
    const auto &e = reply.elements;
    const QByteArray type = e.size() > 1 ? e.at(1).str : QByteArray();
    const QByteArray kind = e.size() > 2 ? e.at(2).str : QByteArray();
    const int recorded = e.size() > 3 ? e.at(3).str.toInt() : 0;
    if (type == "string")
        return SharedLockStore::wrongKind(key, {QStringLiteral("lease"), 0}, wanted, permits);
    if (type == "hash" && (kind == "semaphore" || kind == "rw"))
        return SharedLockStore::wrongKind(key, {QString::fromUtf8(kind), recorded}, wanted,
                                          permits);
    return Error{ErrorKind::WrongKind,
                 QCoreApplication::translate(
                     "lockscope::RedisSharedStore",
                     "The Redis key '%1' is a %2 that LockScope did not write, so it cannot be "
                     "used as a lock: a key has one kind. Use another key.")
                     .arg(key, QString::fromUtf8(type))};
}

Result<SharedLockStore::Attempt> RedisSharedStore::acquireOnce(const QString &key,
                                                               const QString &token, LockKind kind,
                                                               int permits, milliseconds waitLife) {
    if (kind == LockKind::Semaphore && m_config.semaphoreByCounting)
        return acquireCounting(key, token, permits);
    const bool semaphore = kind == LockKind::Semaphore;
    const QString what = semaphore
                             ? QCoreApplication::translate("lockscope::RedisSharedStore",
                                                           "acquire a permit of the semaphore '%1'")
                                   .arg(key)
                             : QCoreApplication::translate("lockscope::RedisSharedStore",
                                                           "acquire the reader-writer lease '%1'")
                                   .arg(key);
    const QList<QByteArray> keys{
        RedisLeaseScripts::leaseKey(m_params, key), RedisSharedScripts::holdersKey(m_params, key),
        RedisLeaseScripts::fenceKey(m_params, key), RedisLeaseScripts::waitersKey(m_params, key)};
    const QList<QByteArray> args =
        semaphore ? QList<QByteArray>{token.toUtf8(), ms(m_config.ttl), QByteArray::number(permits)}
                  : QList<QByteArray>{token.toUtf8(), ms(m_config.ttl),
                                      kind == LockKind::Write ? "1" : "0", ms(waitLife)};
    const RedisScript &script =
        semaphore ? RedisSharedScripts::acquireSemaphore() : RedisSharedScripts::acquireRw();
    // Sent again on a new connection when it was cut: the same token re-takes
    // what a lost reply took.
    std::chrono::steady_clock::time_point sentAt;
    auto reply = script.runResending([this]() -> RedisConnection & { return connection(); }, keys,
                                     args, RedisScript::Describe([&what] { return what; }),
                                     [&] {
                                         sentAt = std::chrono::steady_clock::now();
                                         m_statements.fetch_add(1, std::memory_order_relaxed);
                                     });
    if (!reply.ok())
        return reply.error();
    const auto &e = reply->elements;
    if (e.isEmpty())
        return oddReply(what);
    SharedLockStore::Attempt result;
    if (e.at(0).integer == -1)
        return refusal(key, reply.value(), kind, permits);
    if (e.at(0).integer == 0)
        return result;
    if (e.size() < 5)
        return oddReply(what);
    const double now = static_cast<double>(e.at(4).integer) / 1000.0;
    LeaseInfo info{key,
                   token,
                   static_cast<double>(e.at(3).integer) / 1000.0,
                   now + static_cast<double>(m_config.ttl.count()) / 1000.0,
                   false,
                   e.at(1).integer,
                   sentAt};
    info.kind = kind;
    if (semaphore) {
        info.slot = static_cast<int>(e.at(2).integer);
        info.permits = permits;
    }
    result.info = info;
    return result;
}

Result<SharedLockStore::Attempt>
RedisSharedStore::acquireCounting(const QString &key, const QString &token, int permits) {
    // THE CONTROL (LeaseConfig::semaphoreByCounting): count the live holders
    // in one script, then add this one in another: two holders that count at
    // the same moment both get in, so the semaphore over-admits.
    const QString what = QStringLiteral("acquire a permit of '%1' by counting").arg(key);
    const QByteArray hash = RedisLeaseScripts::leaseKey(m_params, key);
    const QByteArray holders = RedisSharedScripts::holdersKey(m_params, key);
    const auto sentAt = std::chrono::steady_clock::now();
    m_statements.fetch_add(1, std::memory_order_relaxed);
    auto counted = RedisSharedScripts::countHolders().run(connection(), {hash, holders}, {}, what);
    if (!counted.ok())
        return counted.error();
    SharedLockStore::Attempt attempt;
    if (counted->integer >= permits)
        return attempt;
    std::this_thread::sleep_for(milliseconds(2)); // a statement's round trip
    const int slot = permits + static_cast<int>(QRandomGenerator::global()->bounded(1 << 30));
    m_statements.fetch_add(1, std::memory_order_relaxed);
    auto inserted = RedisSharedScripts::insertCounted().run(
        connection(), {hash, holders, RedisLeaseScripts::fenceKey(m_params, key)},
        {token.toUtf8(), ms(m_config.ttl), QByteArray::number(permits), QByteArray::number(slot)},
        what);
    if (!inserted.ok())
        return inserted.error();
    const auto &e = inserted->elements;
    if (!e.isEmpty() && e.at(0).integer == -1)
        return refusal(key, inserted.value(), LockKind::Semaphore, permits);
    if (e.size() < 2)
        return oddReply(what);
    const double now = static_cast<double>(e.at(1).integer) / 1000.0;
    LeaseInfo info{
        key,   token,           now,   now + static_cast<double>(m_config.ttl.count()) / 1000.0,
        false, e.at(0).integer, sentAt};
    info.kind = LockKind::Semaphore;
    info.slot = slot;
    info.permits = permits;
    attempt.info = info;
    return attempt;
}

Result<SharedRelease> RedisSharedStore::releaseOnce(const QString &key, const QString &token) {
    const QString what =
        QCoreApplication::translate("lockscope::RedisSharedStore", "release '%1'").arg(key);
    bool resent = false; // the reply may be the second send's (SharedRelease)
    auto reply = RedisSharedScripts::release().runResending(
        [this]() -> RedisConnection & { return connection(); },
        {RedisLeaseScripts::leaseKey(m_params, key), RedisSharedScripts::holdersKey(m_params, key),
         RedisLeaseScripts::waitersKey(m_params, key)},
        {token.toUtf8(), RedisLeaseScripts::releaseChannel(), ms(m_config.ttl)},
        RedisScript::Describe([&what] { return what; }),
        [this] { m_statements.fetch_add(1, std::memory_order_relaxed); },
        std::chrono::steady_clock::time_point::max(), {}, &resent);
    if (!reply.ok())
        return reply.error();
    return SharedRelease{QString::fromUtf8(reply->str), resent};
}

Result<std::optional<double>>
RedisSharedStore::renew(const QString &key, const QString &token, milliseconds ttl,
                        std::chrono::steady_clock::time_point deadline,
                        const std::function<bool()> &stopped) {
    const QString what =
        QCoreApplication::translate("lockscope::RedisSharedStore", "renew '%1'").arg(key);
    const QList<QByteArray> keys{RedisLeaseScripts::leaseKey(m_params, key),
                                 RedisSharedScripts::holdersKey(m_params, key)};
    const QList<QByteArray> args{token.toUtf8(), ms(ttl)};
    auto reply = RedisSharedScripts::renew().runResending(
        [this]() -> RedisConnection & { return connection(); }, keys, args,
        RedisScript::Describe([&what] { return what; }),
        [this] { m_statements.fetch_add(1, std::memory_order_relaxed); }, deadline, stopped);
    if (!reply.ok())
        return reply.error();
    const auto &e = reply->elements;
    if (e.size() < 2 || e.at(0).integer != 1)
        return std::optional<double>();
    return std::optional<double>(static_cast<double>(e.at(1).integer) / 1000.0 +
                                 static_cast<double>(ttl.count()) / 1000.0);
}

} // namespace lockscope
