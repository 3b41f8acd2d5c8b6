#include "redis/redisserverclock.h"

namespace lockscope {

void RedisServerClock::note(double epochSeconds, Clock::time_point sentAt,
                            Clock::time_point receivedAt) {
    const Clock::duration roundTrip = receivedAt - sentAt;
    // A reply that waited (the thread not scheduled, a busy server) dates the
    // reading loosely: keep a tighter one unless it is getting old.
    if (m_reading && roundTrip > 2 * m_reading->roundTrip &&
        receivedAt - m_reading->takenAt < std::chrono::seconds(10))
        return;
    m_reading = Reading{epochSeconds, sentAt + roundTrip / 2, roundTrip};
}

std::optional<double> RedisServerClock::at(Clock::time_point at) const {
    if (!m_reading)
        return std::nullopt;
    return m_reading->epochSeconds + std::chrono::duration<double>(at - m_reading->takenAt).count();
}

} // namespace lockscope
