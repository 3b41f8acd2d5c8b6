#include "lease/lease.h"

#include "base/duration.h"
#include "lease/leasebackend.h"

#include <QCoreApplication>
#include <algorithm>

namespace lockscope {

Lease::Lease(std::shared_ptr<LeaseBackend> backend, LeaseInfo info, bool gated)
    : m_backend(std::move(backend))
    , m_info(std::move(info))
    , m_gated(gated) {}

Lease::~Lease() {
    if (isValid()) {
        try {
            (void)release();
        } catch (...) { // a destructor never throws
        }
    }
}

Lease::Lease(Lease &&other) noexcept
    : m_backend(std::move(other.m_backend))
    , m_heartbeat(std::move(other.m_heartbeat))
    , m_lastTtl(other.m_lastTtl)
    , m_info(std::move(other.m_info))
    , m_gated(other.m_gated) {
    other.m_backend.reset();
}

Lease &Lease::operator=(Lease &&other) noexcept {
    if (this != &other) {
        if (isValid()) {
            try {
                (void)release();
            } catch (...) {
            }
        }
        m_backend = std::move(other.m_backend);
        m_heartbeat = std::move(other.m_heartbeat);
        m_lastTtl = other.m_lastTtl;
        m_info = std::move(other.m_info);
        m_gated = other.m_gated;
        other.m_backend.reset();
    }
    return *this;
}

LeaseInfo Lease::info() const {
    LeaseInfo info = m_info;
    if (m_heartbeat && m_heartbeat->renewals() > 0) {
        info.expiresAt = std::max(info.expiresAt, m_heartbeat->expiresAt());
        info.sentAt = std::max(info.sentAt, m_heartbeat->sentAt());
    }
    return info;
}

double Lease::expiresAt() const {
    if (m_heartbeat && m_heartbeat->renewals() > 0)
        return std::max(m_info.expiresAt, m_heartbeat->expiresAt());
    return m_info.expiresAt;
}

Result<bool> Lease::release() {
    if (!isValid())
        return false;
    if (m_heartbeat)
        m_heartbeat->stop(); // before the row goes: a release is not a loss
    const std::shared_ptr<LeaseBackend> backend = std::move(m_backend);
    m_backend.reset();
    auto released = backend->releaseHolder(m_info);
    if (m_gated && m_info.kind == LockKind::Lease)
        backend->gate().leave(m_info.key); // wakes the next local waiter at once
    else if (m_gated)
        backend->sharedGate().leave(m_info.key, m_info.kind);
    return released;
}

Status Lease::renew(std::optional<std::chrono::milliseconds> ttl) {
    if (!isValid())
        return Error{
            ErrorKind::LeaseChanged,
            QCoreApplication::translate("lockscope::Lease", "The lease '%1' was already released.")
                .arg(m_info.key)};
    if (m_heartbeat && ttl && *ttl != m_backend->config().ttl)
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate(
                         "lockscope::Lease",
                         "The lease '%1' has a heartbeat that renews it with its TTL "
                         "of %2; renewing it with another TTL meanwhile would leave "
                         "the heartbeat's loss deadline wrong. Renew without a TTL, "
                         "or configure the TTL on the LeaseManager.")
                         .arg(m_info.key, Duration::format(m_backend->config().ttl))};
    const auto sent = std::chrono::steady_clock::now();
    auto renewed = m_backend->renewHolder(m_info, ttl.value_or(m_backend->config().ttl));
    if (!renewed.ok())
        return renewed.error();
    if (!renewed.value())
        return Error{ErrorKind::LeaseChanged,
                     QCoreApplication::translate(
                         "lockscope::Lease", "The lease '%1' is no longer held with this token: it "
                                             "expired, or an operator released it.")
                         .arg(m_info.key)};
    m_info.expiresAt = *renewed.value();
    m_info.sentAt = sent;
    m_lastTtl = ttl.value_or(std::chrono::milliseconds(0));
    return {};
}

} // namespace lockscope

namespace lockscope {

void Lease::startHeartbeat(LeaseLostCallback onLost,
                           std::optional<std::chrono::milliseconds> interval) {
    if (!isValid() || m_heartbeat)
        return;
    m_heartbeat = std::make_unique<LeaseHeartbeat>(
        m_backend, m_info, interval.value_or(m_backend->config().ttl / 3), std::move(onLost));
}

std::chrono::steady_clock::time_point Lease::trustedUntil() const {
    if (!m_backend)
        return {}; // released: nothing to trust
    const LeaseConfig &config = m_backend->config();
    auto ttl = m_lastTtl.count() > 0 ? m_lastTtl : config.ttl;
    if (m_heartbeat && m_heartbeat->renewals() > 0 && m_heartbeat->sentAt() > m_info.sentAt)
        ttl = config.ttl; // the heartbeat renews with the configured TTL
    return info().sentAt + ttl - config.effectiveLossMargin();
}

bool Lease::isLost() const {
    return m_heartbeat && m_heartbeat->isLost();
}

QString Lease::lostReason() const {
    return m_heartbeat ? m_heartbeat->lostReason() : QString();
}

LockLostNotifier *Lease::lostNotifier() const {
    return m_heartbeat ? m_heartbeat->notifier() : nullptr;
}

} // namespace lockscope
