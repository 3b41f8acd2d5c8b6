#include "lease/redissharedscripts.h"

#include "lease/redisleasescripts.h"

namespace lockscope {

namespace {

// Helpers every script starts with. now(): the server's clock in ms.
// prune(): drops holders and waiters whose expiry has passed. keep(): the
// PEXPIRE of both keys, to the furthest expiry and at least `idle` from now.
// entry(): the parts of an h: field.
const QByteArray kCommon = QByteArrayLiteral(R"lua(
local function now()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function prune(h, z, t)
  local gone = redis.call('ZRANGEBYSCORE', z, '-inf', t)
  for _, tok in ipairs(gone) do redis.call('HDEL', h, 'h:' .. tok) end
  if #gone > 0 then redis.call('ZREMRANGEBYSCORE', z, '-inf', t) end
end
local function keep(h, z, t, idle)
  local last = redis.call('ZRANGE', z, -1, -1, 'WITHSCORES')
  local untilMs = t + idle
  if last[2] and tonumber(last[2]) > untilMs then untilMs = tonumber(last[2]) end
  redis.call('PEXPIRE', h, untilMs - t)
  if last[2] then redis.call('PEXPIRE', z, untilMs - t) end
end
local function entry(v)
  local role, acq, fence, slot = string.match(v, '^(%S+) (%S+) (%S+) (%S+)$')
  return role, tonumber(acq), fence, tonumber(slot)
end
local function claim(h, kind, permits)
  local ty = redis.call('TYPE', h).ok
  if ty == 'none' then
    if permits then
      redis.call('HSET', h, 'kind', kind, 'permits', permits)
    else
      redis.call('HSET', h, 'kind', kind)
    end
    return nil
  end
  if ty ~= 'hash' then return {-1, ty, '', '0'} end
  local k = redis.call('HGET', h, 'kind') or ''
  local p = redis.call('HGET', h, 'permits') or '0'
  if k ~= kind or (permits and p ~= permits) then return {-1, ty, k, p} end
  return nil
end
)lua");

RedisScript script(const char *body) {
    return RedisScript(kCommon + QByteArray(body));
}

} // namespace

QByteArray RedisSharedScripts::holdersKey(const ConnectionParams &params, const QString &key) {
    return RedisLeaseScripts::internalPrefix() +
           "holders:" + RedisLeaseScripts::leaseKey(params, key);
}

const RedisScript &RedisSharedScripts::acquireSemaphore() {
    static const RedisScript s = script(R"lua(
local h, z, tok, ttl, n = KEYS[1], KEYS[2], ARGV[1], tonumber(ARGV[2]), ARGV[3]
local refused = claim(h, 'semaphore', n)
if refused then return refused end
local t = now()
prune(h, z, t)
local mine = redis.call('HGET', h, 'h:' .. tok)
if mine then
  local role, acq, fence, slot = entry(mine)
  if role == 'slot' then
    redis.call('ZADD', z, t + ttl, tok)
    keep(h, z, t, ttl)
    if KEYS[4] then redis.call('ZREM', KEYS[4], tok) end
    return {1, tonumber(fence), slot, acq, t}
  end
end
if redis.call('ZCARD', z) >= tonumber(n) then return {0} end
local used = {}
for _, m in ipairs(redis.call('ZRANGE', z, 0, -1)) do
  local v = redis.call('HGET', h, 'h:' .. m)
  if v then
    local _, _, _, s = entry(v)
    if s then used[s] = true end
  end
end
local slot = 0
while used[slot] do slot = slot + 1 end
local fence = redis.call('INCR', KEYS[3])
redis.call('HSET', h, 'h:' .. tok, 'slot ' .. t .. ' ' .. fence .. ' ' .. slot)
redis.call('ZADD', z, t + ttl, tok)
keep(h, z, t, ttl)
if KEYS[4] then redis.call('ZREM', KEYS[4], tok) end
return {1, fence, slot, t, t}
)lua");
    return s;
}

const RedisScript &RedisSharedScripts::acquireRw() {
    static const RedisScript s = script(R"lua(
local h, z, tok, ttl = KEYS[1], KEYS[2], ARGV[1], tonumber(ARGV[2])
local write, life = ARGV[3] == '1', tonumber(ARGV[4])
local mode = write and 'write' or 'read'
local refused = claim(h, 'rw', nil)
if refused then return refused end
local t = now()
prune(h, z, t)
local myWait = t
local mine = redis.call('HGET', h, 'h:' .. tok)
if mine then
  local role, acq, fence = entry(mine)
  if role == mode then
    redis.call('ZADD', z, t + ttl, tok)
    keep(h, z, t, ttl)
    if KEYS[4] then redis.call('ZREM', KEYS[4], tok) end
    return {1, tonumber(fence), 0, acq, t}
  end
  if role == 'read-wait' or role == 'write-wait' then myWait = acq end
end
local blocked = false
for _, m in ipairs(redis.call('ZRANGE', z, 0, -1)) do
  if m ~= tok then
    local v = redis.call('HGET', h, 'h:' .. m)
    if v then
      local role, acq = entry(v)
      local waits = role == 'read-wait' or role == 'write-wait'
      if write then
        blocked = role == 'read' or role == 'write' or (waits and acq < myWait)
      else
        blocked = role == 'write' or (role == 'write-wait' and acq < myWait)
      end
      if blocked then break end
    end
  end
end
if blocked then
  redis.call('HSET', h, 'h:' .. tok, mode .. '-wait ' .. myWait .. ' - 0')
  redis.call('ZADD', z, t + life, tok)
  keep(h, z, t, ttl)
  return {0}
end
local fence = redis.call('INCR', KEYS[3])
redis.call('HSET', h, 'h:' .. tok, mode .. ' ' .. t .. ' ' .. fence .. ' 0')
redis.call('ZADD', z, t + ttl, tok)
keep(h, z, t, ttl)
if KEYS[4] then redis.call('ZREM', KEYS[4], tok) end
return {1, fence, 0, t, t}
)lua");
    return s;
}

const RedisScript &RedisSharedScripts::release() {
    static const RedisScript s = script(R"lua(
local h, z, tok = KEYS[1], KEYS[2], ARGV[1]
if redis.call('TYPE', h).ok ~= 'hash' then return '' end
local v = redis.call('HGET', h, 'h:' .. tok)
if not v then return '' end
local t = now()
local score = tonumber(redis.call('ZSCORE', z, tok) or '0')
local idle = math.max(tonumber(ARGV[3]), redis.call('PTTL', h))
redis.call('HDEL', h, 'h:' .. tok)
redis.call('ZREM', z, tok)
prune(h, z, t)
keep(h, z, t, idle)
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('PUBLISH', ARGV[2], h) end
if score > t then
  local role = entry(v)
  return role
end
return ''
)lua");
    return s;
}

const RedisScript &RedisSharedScripts::renew() {
    static const RedisScript s = script(R"lua(
local h, z, tok, ttl = KEYS[1], KEYS[2], ARGV[1], tonumber(ARGV[2])
if redis.call('TYPE', h).ok ~= 'hash' then return {0} end
local v = redis.call('HGET', h, 'h:' .. tok)
if not v then return {0} end
local role = entry(v)
if role ~= 'slot' and role ~= 'read' and role ~= 'write' then return {0} end
local t = now()
local score = redis.call('ZSCORE', z, tok)
if not score or tonumber(score) <= t then return {0} end
redis.call('ZADD', z, 'XX', t + ttl, tok)
keep(h, z, t, ttl)
return {1, t}
)lua");
    return s;
}

const RedisScript &RedisSharedScripts::countHolders() {
    static const RedisScript s = script(R"lua(
if redis.call('TYPE', KEYS[1]).ok ~= 'hash' then return 0 end
prune(KEYS[1], KEYS[2], now())
return redis.call('ZCARD', KEYS[2])
)lua");
    return s;
}

const RedisScript &RedisSharedScripts::insertCounted() {
    static const RedisScript s = script(R"lua(
local h, z, tok, ttl = KEYS[1], KEYS[2], ARGV[1], tonumber(ARGV[2])
local refused = claim(h, 'semaphore', ARGV[3])
if refused then return refused end
local t = now()
local fence = redis.call('INCR', KEYS[3])
redis.call('HSET', h, 'h:' .. tok, 'slot ' .. t .. ' ' .. fence .. ' ' .. ARGV[4])
redis.call('ZADD', z, t + ttl, tok)
keep(h, z, t, ttl)
return {fence, t}
)lua");
    return s;
}

} // namespace lockscope
