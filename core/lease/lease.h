#pragma once

#include "base/result.h"
#include "lease/leaseheartbeat.h"
#include "lease/leaseinfo.h"

#include <chrono>
#include <memory>

namespace lockscope {

class LeaseBackend;

// A held lease: move-only; releases in its destructor (owner-scoped, never throws).
// An invalid (default-constructed or moved-from or released) handle holds nothing.
class Lease final {
public:
    Lease() = default;
    ~Lease();
    Lease(Lease &&other) noexcept;
    Lease &operator=(Lease &&other) noexcept;
    Lease(const Lease &) = delete;
    Lease &operator=(const Lease &) = delete;

    bool isValid() const { return m_backend != nullptr; }
    // As the database said at the acquire, with the expiry of the last
    // successful renewal (renew() or the heartbeat's).
    LeaseInfo info() const;
    const QString &key() const { return m_info.key; }
    const QString &token() const { return m_info.token; }
    double acquiredAt() const { return m_info.acquiredAt; }
    // The expiry the database set last (acquire or renewal), epoch seconds.
    double expiresAt() const;
    bool tookOver() const { return m_info.tookOver; }
    std::optional<qint64> fence() const { return m_info.fence; }

    // Deletes the row only if it still carries this handle's token. true: it was
    // ours; false: it had expired and been taken over (or force-released).
    // The handle is invalid afterwards, whatever the outcome.
    Result<bool> release();

    // Extends expires_at to the database's now + ttl (the manager's TTL when
    // omitted), only while the lease is still ours and unexpired.
    // Error LeaseChanged when it no longer is.
    Status renew(std::optional<std::chrono::milliseconds> ttl = std::nullopt);

    // Renews the lease in the background every `interval` (default TTL/3) until
    // release(); calls `onLost` (on the heartbeat's thread) and emits
    // lostNotifier()->lost() at once if it is found gone. A release never
    // reports lost.
    void startHeartbeat(LeaseLostCallback onLost = {},
                        std::optional<std::chrono::milliseconds> interval = std::nullopt);
    bool isLost() const;
    // Until when this process can be sure the lease is still its own: when the
    // statement that set its expiry (the acquire or the last renewal) was sent,
    // plus the TTL, minus LeaseConfig::lossMargin. Past it the database may
    // already have given the key to someone else, whatever a heartbeat says:
    // check it before acting on the lease's behalf (a write without fencing).
    std::chrono::steady_clock::time_point trustedUntil() const;
    // False as soon as the heartbeat found the lease gone, too.
    bool isTrusted() const {
        return !isLost() && std::chrono::steady_clock::now() < trustedUntil();
    }
    QString lostReason() const;
    // Null until startHeartbeat().
    LockLostNotifier *lostNotifier() const;

private:
    friend class LeaseManager;
    Lease(std::shared_ptr<LeaseBackend> backend, LeaseInfo info, bool gated);

    std::shared_ptr<LeaseBackend> m_backend;
    std::unique_ptr<LeaseHeartbeat> m_heartbeat;
    std::chrono::milliseconds m_lastTtl{0}; // of the last renew(ttl); 0: the config's
    LeaseInfo m_info;
    bool m_gated = false;
};

} // namespace lockscope
