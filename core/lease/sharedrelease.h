#pragma once

#include <QString>

namespace lockscope {

// What releasing a semaphore permit or a reader-writer place found.
struct SharedRelease {
    // What the token held under the key and is gone now: "slot", "read",
    // "write", "read-wait" or "write-wait"; empty when the send that answered
    // found nothing of it (expired and taken, or force-released).
    QString role;
    // The answer is a second send's, made because the connection was cut: the
    // first send may have released with only its reply lost, so an empty role
    // does not show that nothing was held. The place is free either way, and
    // it counts as released (as a lease's release does in that case).
    bool resent = false;

    // A holder's permit or share (not a waiter's place in the queue) is gone.
    bool releasedHolder() const {
        return role == QLatin1String("slot") || role == QLatin1String("read") ||
               role == QLatin1String("write") || (resent && role.isEmpty());
    }
    // Something may have gone: threads of this process waiting for the key
    // should look again.
    bool releasedAnything() const { return resent || !role.isEmpty(); }
};

} // namespace lockscope
