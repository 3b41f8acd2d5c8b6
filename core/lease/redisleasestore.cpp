#include "lease/redisleasestore.h"

#include "lease/keywakeups.h"
#include "lease/redisleasescripts.h"
#include "lease/redisreleaselistener.h"
#include "lease/redissharedstore.h"
#include "redis/redisthreadconnections.h"

#include <QCoreApplication>

namespace lockscope {

using std::chrono::milliseconds;

namespace {

double epochFrom(const RedisReply &seconds, const RedisReply &micros) {
    return seconds.str.toDouble() + micros.str.toDouble() / 1e6;
}

QByteArray ms(milliseconds ttl) {
    return QByteArray::number(std::max<qint64>(1, ttl.count()));
}

} // namespace

std::unique_ptr<LeaseStore> LeaseStore::create(const ConnectionParams &params,
                                               const LeaseConfig &config,
                                               std::atomic<quint64> &statements) {
    if (params.isRedis())
        return std::make_unique<RedisLeaseStore>(params, config, statements);
    return nullptr;
}

RedisLeaseStore::RedisLeaseStore(ConnectionParams params, LeaseConfig config,
                                 std::atomic<quint64> &statements)
    : m_params(std::move(params))
    , m_config(std::move(config))
    , m_statements(statements)
    , m_connectionName(RedisThreadConnections::nameFor(m_params, connectionPurpose()))
    , m_ttlText(ms(m_config.ttl)) {}

RedisLeaseStore::~RedisLeaseStore() = default;

RedisConnection &RedisLeaseStore::connection() {
    return RedisThreadConnections::get(m_connectionName, m_params);
}

Result<std::optional<LeaseInfo>>
RedisLeaseStore::acquireOnce(const QString &key, const QString &token, bool registered) {
    const auto what = [&key] {
        return QCoreApplication::translate("lockscope::RedisLeaseStore", "acquire the lease '%1'")
            .arg(key);
    };
    const QByteArray leaseKey = RedisLeaseScripts::leaseKey(m_params, key);
    QList<QByteArray> keys;
    keys.reserve(3);
    keys << leaseKey << RedisLeaseScripts::fenceKeyOf(leaseKey);
    if (registered)
        keys.append(RedisLeaseScripts::waitersKeyOf(leaseKey));
    // Sent again on a new connection when it was cut: the same token re-takes
    // what a lost reply took.
    std::chrono::steady_clock::time_point sentAt;
    auto reply = RedisLeaseScripts::acquire().runResending(
        [this]() -> RedisConnection & { return connection(); }, keys, {token.toUtf8(), m_ttlText},
        RedisScript::Describe(what),
        [&] {
            sentAt = std::chrono::steady_clock::now();
            m_statements.fetch_add(1, std::memory_order_relaxed);
        });
    if (!reply.ok())
        return reply.error();
    if (reply->isInteger()) {
        // Taken: the reply is the fence. Dated by the server's clock at the
        // middle of the round trip (the SET ran somewhere inside it).
        const auto receivedAt = std::chrono::steady_clock::now();
        auto now = connection().serverTimeAt(sentAt + (receivedAt - sentAt) / 2);
        if (!now.ok())
            return now.error();
        LeaseInfo info{
            key,         token,
            now.value(), now.value() + static_cast<double>(m_config.ttl.count()) / 1000.0,
            false,       reply->integer,
            sentAt};
        return std::optional<LeaseInfo>(info);
    }
    const auto &e = reply->elements;
    if (!e.isEmpty() && e.at(0).integer == -1)
        return RedisSharedStore::refusal(key, reply.value(), LockKind::Lease, 0);
    if (e.isEmpty() || e.at(0).integer == 0)
        return std::optional<LeaseInfo>();
    return Error{ErrorKind::Database,
                 QCoreApplication::translate("lockscope::RedisLeaseStore",
                                             "Cannot %1: unexpected reply from the script.")
                     .arg(what())};
}

Result<RedisLeaseStore::ReleaseOutcome> RedisLeaseStore::release(const QString &key,
                                                                 const QString &token) {
    const RedisScript::Describe what = [&key] {
        return QCoreApplication::translate("lockscope::RedisLeaseStore", "release the lease '%1'")
            .arg(key);
    };
    const QByteArray leaseKey = RedisLeaseScripts::leaseKey(m_params, key);
    bool resent = false;
    auto reply = RedisLeaseScripts::release().runResending(
        [this]() -> RedisConnection & { return connection(); },
        {leaseKey, RedisLeaseScripts::waitersKeyOf(leaseKey)},
        {token.toUtf8(), RedisLeaseScripts::releaseChannel()}, what,
        [this] { m_statements.fetch_add(1, std::memory_order_relaxed); },
        std::chrono::steady_clock::time_point::max(), {}, &resent);
    if (!reply.ok())
        return reply.error();
    if (reply->integer == 1)
        return ReleaseOutcome::Released;
    if (reply->integer == 0)
        // Sent again after the connection was cut: the first attempt may have
        // deleted it with only its reply lost; the key is free either way.
        return resent ? ReleaseOutcome::Released : ReleaseOutcome::Absent;
    return ReleaseOutcome::HeldByOther;
}

Result<bool> RedisLeaseStore::releaseOnce(const QString &key, const QString &token) {
    auto outcome = release(key, token);
    if (!outcome.ok())
        return outcome.error();
    return outcome.value() == ReleaseOutcome::Released;
}

Result<std::optional<double>>
RedisLeaseStore::renewWith(const QString &key, const QString &token, milliseconds ttl,
                           std::chrono::steady_clock::time_point deadline,
                           const std::function<bool()> &stopped) {
    const RedisScript::Describe what = [&key] {
        return QCoreApplication::translate("lockscope::RedisLeaseStore", "renew the lease '%1'")
            .arg(key);
    };
    std::chrono::steady_clock::time_point sentAt;
    auto reply = RedisLeaseScripts::renew().runResending(
        [this]() -> RedisConnection & { return connection(); },
        {RedisLeaseScripts::leaseKey(m_params, key)}, {token.toUtf8(), ms(ttl)}, what,
        [&] {
            m_statements.fetch_add(1, std::memory_order_relaxed);
            sentAt = std::chrono::steady_clock::now();
        },
        deadline, stopped);
    if (!reply.ok())
        return reply.error();
    const auto &e = reply->elements;
    if (e.size() < 3 || e.at(0).integer != 1)
        return std::optional<double>();
    const double renewedAt = epochFrom(e.at(1), e.at(2));
    // A fresh reading of the server's clock for the next acquire's date.
    connection().noteServerTime(renewedAt, sentAt, std::chrono::steady_clock::now());
    return std::optional<double>(renewedAt + static_cast<double>(ttl.count()) / 1000.0);
}

Result<std::optional<double>> RedisLeaseStore::renewOnce(const QString &key, const QString &token,
                                                         milliseconds ttl) {
    return renewWith(key, token, ttl, std::chrono::steady_clock::time_point::max(), {});
}

Result<std::optional<double>>
RedisLeaseStore::renewBounded(const QString &key, const QString &token, milliseconds ttl,
                              std::chrono::steady_clock::time_point deadline,
                              const std::function<bool()> &stopped) {
    return renewWith(
        key, token, ttl, deadline, stopped ? stopped : [] { return false; });
}

bool RedisLeaseStore::listenForReleases(KeyWakeups &wakeups) {
    if (!m_config.releaseNotifications)
        return false;
    {
        std::lock_guard lock(m_listenerMutex);
        if (!m_listener) {
            m_listener = std::make_unique<RedisReleaseListener>(
                m_params, [&wakeups](const QString &key) { wakeups.wake(key); },
                [&wakeups] { wakeups.wakeAll(); });
        }
    }
    return m_listener->ensureListening();
}

Status RedisLeaseStore::registerWaiter(const QString &key, const QString &token,
                                       milliseconds life) {
    m_statements.fetch_add(1, std::memory_order_relaxed);
    auto reply = RedisLeaseScripts::registerWaiter().run(
        connection(), {RedisLeaseScripts::waitersKey(m_params, key)}, {token.toUtf8(), ms(life)},
        QCoreApplication::translate("lockscope::RedisLeaseStore", "wait for the lease '%1'")
            .arg(key));
    if (!reply.ok())
        return reply.error();
    return {};
}

Status RedisLeaseStore::unregisterWaiter(const QString &key, const QString &token) {
    m_statements.fetch_add(1, std::memory_order_relaxed);
    auto reply = connection().command(
        {"ZREM", RedisLeaseScripts::waitersKey(m_params, key), token.toUtf8()});
    if (!reply.ok())
        return reply.error();
    if (reply->isError())
        return connection().replyError(
            reply.value(), QCoreApplication::translate("lockscope::RedisLeaseStore",
                                                       "stop waiting for the lease '%1'")
                               .arg(key));
    return {};
}

std::optional<QString> RedisLeaseStore::noExpiry(const ConnectionParams &params,
                                                 const QString &key) {
    auto reply = RedisThreadConnections::get(params, connectionPurpose())
                     .command({"PTTL", RedisLeaseScripts::leaseKey(params, key)});
    if (reply.ok() && reply->isInteger() && reply->integer == -1)
        return QCoreApplication::translate("lockscope::RedisLeaseStore",
                                           "no TTL: the Redis key was set without an expiry");
    return std::nullopt;
}

} // namespace lockscope
