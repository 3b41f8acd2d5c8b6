#pragma once

#include "db/connectionparams.h"
#include "db/threadconnections.h"

#include <chrono>
#include <optional>

namespace lockscope {

// SQLite: for its scope, the calling thread's connection for `key` waits for
// another writer's lock no longer than a given time (PRAGMA busy_timeout),
// then goes back to the wait every LockScope connection opens with
// (openedWith(), 2 s). So a bounded acquire whose time left is shorter than
// that cannot overrun its bound by a whole busy timeout. With no wait given it
// changes nothing. It keeps no handle on the connection (a statement in its
// scope may drop it): the end sets the wait on whatever connection the key
// has then.
class SqliteBusyBound final {
public:
    using Clock = std::chrono::steady_clock;

    SqliteBusyBound(const ConnectionParams &params, const ThreadConnections::Key &key,
                    std::optional<std::chrono::milliseconds> wait);
    ~SqliteBusyBound();
    SqliteBusyBound(const SqliteBusyBound &) = delete;
    SqliteBusyBound &operator=(const SqliteBusyBound &) = delete;

    // The busy timeout LockScope's SQLite connections open with.
    static constexpr std::chrono::milliseconds openedWith() { return std::chrono::seconds(2); }
    // The wait for an attempt that must end by `deadline`: the time left when
    // it is shorter than openedWith(), but at least `floor` (a committing
    // writer holds the lock for milliseconds); nothing otherwise.
    static std::optional<std::chrono::milliseconds>
    waitUntil(std::optional<Clock::time_point> deadline,
              std::chrono::milliseconds floor = std::chrono::milliseconds(100));

private:
    const ConnectionParams &m_params;
    const ThreadConnections::Key &m_key;
    bool m_set = false;
};

} // namespace lockscope
