#include "lease/redisleasescripts.h"

namespace lockscope {

QByteArray RedisLeaseScripts::leaseKey(const ConnectionParams &params, const QString &key) {
    return (params.redisPrefix + key).toUtf8();
}

QByteArray RedisLeaseScripts::internalPrefix() {
    return QByteArrayLiteral("lockscope:");
}

QByteArray RedisLeaseScripts::fenceKey(const ConnectionParams &params, const QString &key) {
    return fenceKeyOf(leaseKey(params, key));
}

QByteArray RedisLeaseScripts::fenceKeyOf(const QByteArray &leaseKey) {
    return QByteArrayLiteral("lockscope:fence:") + leaseKey;
}

QByteArray RedisLeaseScripts::waitersKey(const ConnectionParams &params, const QString &key) {
    return waitersKeyOf(leaseKey(params, key));
}

QByteArray RedisLeaseScripts::waitersKeyOf(const QByteArray &leaseKey) {
    return QByteArrayLiteral("lockscope:waiters:") + leaseKey;
}

QByteArray RedisLeaseScripts::releaseChannel() {
    return QByteArrayLiteral("lockscope:release");
}

// Taken (or still ours): the fence, as an integer reply -- nothing else, since
// building an array reply (and reading TIME into it) cost the server a third
// of the script's time; the holder dates the lease by the connection's reading
// of the server's clock (RedisServerClock). Not taken: {0, PTTL}; a key of
// another type: {-1, type, kind, permits}.
const RedisScript &RedisLeaseScripts::acquire() {
    static const RedisScript script(QByteArrayLiteral(R"lua(
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  local fence = redis.call('INCR', KEYS[2])
  if KEYS[3] then redis.call('ZREM', KEYS[3], ARGV[1]) end
  return fence
end
local ty = redis.call('TYPE', KEYS[1]).ok
if ty ~= 'string' then
  if ty ~= 'hash' then return {-1, ty, '', '0'} end
  return {-1, ty, redis.call('HGET', KEYS[1], 'kind') or '',
          redis.call('HGET', KEYS[1], 'permits') or '0'}
end
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return {0, redis.call('PTTL', KEYS[1])} end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if KEYS[3] then redis.call('ZREM', KEYS[3], ARGV[1]) end
return tonumber(redis.call('GET', KEYS[2]) or '0')
)lua"));
    return script;
}

const RedisScript &RedisLeaseScripts::release() {
    static const RedisScript script(QByteArrayLiteral(R"lua(
local cur = redis.pcall('GET', KEYS[1])
if cur == ARGV[1] then
  redis.call('DEL', KEYS[1])
  if redis.call('EXISTS', KEYS[2]) == 1 then
    redis.call('PUBLISH', ARGV[2], KEYS[1])
  end
  return 1
end
if cur == false then return 0 end
return -1
)lua"));
    return script;
}

const RedisScript &RedisLeaseScripts::registerWaiter() {
    static const RedisScript script(QByteArrayLiteral(R"lua(
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
)lua"));
    return script;
}

const RedisScript &RedisLeaseScripts::renew() {
    static const RedisScript script(QByteArrayLiteral(R"lua(
if redis.pcall('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  local t = redis.call('TIME')
  return {1, t[1], t[2]}
end
return {0}
)lua"));
    return script;
}

} // namespace lockscope
