// The baseline for LockScope's Redis cycle: the plainest Redis leader lock --
// SET key token NX PX ttl to acquire, the compare-and-delete script by EVALSHA
// to release -- sent through hiredis, one connection per client thread, on
// distinct keys per client (as `lockctl bench cycle`). Prints JSON.
//
//   lockscope_redisbaseline --host H --port P [--user U] [--db N] [--clients N] [--seconds S]
//                           [--fenced | --scripts | --multi]
//
// --fenced acquires with a script instead of the bare SET: `SET NX PX` and, when
// it took the key, `INCR` of a fence counter -- the least a fenced lease lock can
// send (the fence is issued in the same atomic step as the acquire). No library:
// what fencing itself costs, as lockscope_sqlitebaseline --fenced does for SQLite.
//
// --scripts sends LockScope's own two commands: its acquire and release scripts
// (the very text of RedisLeaseScripts, loaded once, then EVALSHA), with the same
// keys and arguments the lease store sends on an uncontended cycle. What is left
// between this and `lockctl bench cycle` is the library's client: the gate, the
// tokens, the handle, the Qt-based connection.
//
// --multi (an alternative tried for issue 13, BENCHMARKS.md) acquires with one
// pipelined MULTI, SET NX PX, INCR of the fence counter, EXEC -- atomic without
// a script -- and releases with LockScope's release script.
//
// The password comes from REDISCLI_AUTH, as for redis-cli and LockScope.
#include "lease/redisleasescripts.h"

#include <hiredis/hiredis.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr const char *kRelease =
    "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end "
    "return 0";

constexpr const char *kFencedAcquire =
    "if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then "
    "return redis.call('INCR', KEYS[2]) end return 0";

struct Options {
    std::string host = "127.0.0.1";
    int port = 6379;
    std::string user;
    int db = 0;
    int clients = 1;
    double seconds = 5;
    bool fenced = false;
    bool scripts = false;
    bool multi = false;
    bool ownRelease() const { return scripts || multi; }
};

struct Counts {
    long long cycles = 0;
    long long failures = 0;
};

redisContext *connect(const Options &o) {
    redisContext *c = redisConnect(o.host.c_str(), o.port);
    if (!c || c->err) {
        std::fprintf(stderr, "connect: %s\n", c ? c->errstr : "out of memory");
        return nullptr;
    }
    const char *password = std::getenv("REDISCLI_AUTH");
    if (password) {
        auto *r = static_cast<redisReply *>(
            o.user.empty() ? redisCommand(c, "AUTH %s", password)
                           : redisCommand(c, "AUTH %s %s", o.user.c_str(), password));
        const bool ok = r && r->type != REDIS_REPLY_ERROR;
        freeReplyObject(r);
        if (!ok) {
            std::fprintf(stderr, "AUTH refused\n");
            redisFree(c);
            return nullptr;
        }
    }
    freeReplyObject(redisCommand(c, "SELECT %d", o.db));
    return c;
}

// The acquire: SET NX PX, or (--fenced) the fenced script. True when taken.
bool acquire(redisContext *c, const Options &o, const std::string &acquireSha,
             const std::string &key, const std::string &token, bool *broken) {
    redisReply *r = nullptr;
    if (o.multi) {
        const std::string fence = "lockscope:fence:" + key;
        redisAppendCommand(c, "MULTI");
        redisAppendCommand(c, "SET %s %s NX PX 30000", key.c_str(), token.c_str());
        redisAppendCommand(c, "INCR %s", fence.c_str());
        redisAppendCommand(c, "EXEC");
        void *queued = nullptr;
        for (int i = 0; i < 3; ++i) { // +OK, +QUEUED, +QUEUED
            if (redisGetReply(c, &queued) != REDIS_OK) {
                *broken = true;
                return false;
            }
            freeReplyObject(queued);
        }
        void *exec = nullptr;
        if (redisGetReply(c, &exec) != REDIS_OK) {
            *broken = true;
            return false;
        }
        r = static_cast<redisReply *>(exec);
        // {OK or nil, fence}: taken when the SET answered OK.
        const bool taken = r->type == REDIS_REPLY_ARRAY && r->elements == 2 &&
                           r->element[0]->type == REDIS_REPLY_STATUS;
        freeReplyObject(r);
        return taken;
    }
    if (o.scripts) {
        const std::string fence = "lockscope:fence:" + key;
        r = static_cast<redisReply *>(redisCommand(c, "EVALSHA %s 2 %s %s %s 30000",
                                                   acquireSha.c_str(), key.c_str(), fence.c_str(),
                                                   token.c_str()));
    } else if (o.fenced) {
        const std::string fence = "bench-baseline-fence/" + key;
        r = static_cast<redisReply *>(redisCommand(c, "EVALSHA %s 2 %s %s %s 30000",
                                                   acquireSha.c_str(), key.c_str(), fence.c_str(),
                                                   token.c_str()));
    } else {
        r = static_cast<redisReply *>(
            redisCommand(c, "SET %s %s NX PX 30000", key.c_str(), token.c_str()));
    }
    if (!r) {
        *broken = true;
        return false;
    }
    const bool taken = o.fenced || o.scripts ? r->type == REDIS_REPLY_INTEGER && r->integer > 0
                                             : r->type == REDIS_REPLY_STATUS;
    freeReplyObject(r);
    return taken;
}

void client(const Options &o, const std::string &sha, const std::string &acquireSha, int id,
            const std::atomic<bool> &stop, Counts *counts, std::atomic<bool> *broken) {
    redisContext *c = connect(o);
    if (!c) {
        *broken = true;
        return;
    }
    // --scripts: as long as a LockScope token (owner, '/', 32 hex digits).
    const std::string token = "baseline/" + std::to_string(id) +
                              (o.ownRelease() ? "/0123456789abcdef0123456789abcdef" : "");
    for (long long i = 0; !stop.load(std::memory_order_relaxed); ++i) {
        const std::string key =
            "bench-baseline/" + std::to_string(id) + "/" + std::to_string(i % 64);
        bool lost = false;
        const bool acquired = acquire(c, o, acquireSha, key, token, &lost);
        if (lost) {
            *broken = true;
            break;
        }
        if (!acquired) {
            ++counts->failures;
            continue;
        }
        auto *del = static_cast<redisReply *>(
            o.ownRelease()
                ? redisCommand(c, "EVALSHA %s 2 %s %s %s %s", sha.c_str(), key.c_str(),
                               ("lockscope:waiters:" + key).c_str(), token.c_str(),
                               "lockscope:release")
                : redisCommand(c, "EVALSHA %s 1 %s %s", sha.c_str(), key.c_str(), token.c_str()));
        if (!del) {
            *broken = true;
            break;
        }
        const bool released = del->type == REDIS_REPLY_INTEGER && del->integer == 1;
        freeReplyObject(del);
        if (released)
            ++counts->cycles;
        else
            ++counts->failures;
    }
    redisFree(c);
}

} // namespace

int main(int argc, char **argv) {
    Options o;
    for (int i = 1; i < argc; i += 2) {
        const std::string name = argv[i];
        if (name == "--fenced" || name == "--scripts" || name == "--multi") {
            (name == "--fenced" ? o.fenced : name == "--scripts" ? o.scripts : o.multi) = true;
            --i;
            continue;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "%s needs a value\n", name.c_str());
            return 2;
        }
        const char *value = argv[i + 1];
        if (name == "--host")
            o.host = value;
        else if (name == "--port")
            o.port = std::atoi(value);
        else if (name == "--user")
            o.user = value;
        else if (name == "--db")
            o.db = std::atoi(value);
        else if (name == "--clients")
            o.clients = std::atoi(value);
        else if (name == "--seconds")
            o.seconds = std::atof(value);
        else {
            std::fprintf(stderr, "unknown option %s\n", name.c_str());
            return 2;
        }
    }
    redisContext *setup = connect(o);
    if (!setup)
        return 1;
    const auto &ownRelease = lockscope::RedisLeaseScripts::release().source();
    const auto &ownAcquire = lockscope::RedisLeaseScripts::acquire().source();
    auto *loaded = static_cast<redisReply *>(
        o.ownRelease() ? redisCommand(setup, "SCRIPT LOAD %b", ownRelease.constData(),
                                      static_cast<size_t>(ownRelease.size()))
                       : redisCommand(setup, "SCRIPT LOAD %s", kRelease));
    if (!loaded || loaded->type != REDIS_REPLY_STRING) {
        std::fprintf(stderr, "SCRIPT LOAD failed\n");
        return 1;
    }
    const std::string sha(loaded->str, loaded->len);
    freeReplyObject(loaded);
    loaded = static_cast<redisReply *>(
        o.scripts ? redisCommand(setup, "SCRIPT LOAD %b", ownAcquire.constData(),
                                 static_cast<size_t>(ownAcquire.size()))
                  : redisCommand(setup, "SCRIPT LOAD %s", kFencedAcquire));
    if (!loaded || loaded->type != REDIS_REPLY_STRING) {
        std::fprintf(stderr, "SCRIPT LOAD failed\n");
        return 1;
    }
    const std::string acquireSha(loaded->str, loaded->len);
    freeReplyObject(loaded);
    redisFree(setup);

    std::atomic<bool> stop{false};
    std::atomic<bool> broken{false};
    std::vector<Counts> counts(static_cast<size_t>(o.clients));
    std::vector<std::thread> threads;
    const auto start = std::chrono::steady_clock::now();
    for (int c = 0; c < o.clients; ++c)
        threads.emplace_back(client, std::cref(o), std::cref(sha), std::cref(acquireSha), c,
                             std::cref(stop), &counts[static_cast<size_t>(c)], &broken);
    std::this_thread::sleep_for(std::chrono::duration<double>(o.seconds));
    stop = true;
    for (auto &t : threads)
        t.join();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    long long cycles = 0, failures = 0;
    for (const Counts &c : counts) {
        cycles += c.cycles;
        failures += c.failures;
    }
    std::printf("{\"clients\":%d,\"mode\":\"%s\",\"cycles\":%lld,\"failures\":%lld,"
                "\"seconds\":%.3f,\"cycles_per_s\":%.1f}\n",
                o.clients,
                o.multi     ? "multi"
                : o.scripts ? "scripts"
                : o.fenced  ? "fenced"
                            : "plain",
                cycles, failures, seconds, seconds > 0 ? cycles / seconds : 0.0);
    return broken ? 1 : 0;
}
