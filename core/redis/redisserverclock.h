#pragma once

#include <chrono>
#include <optional>

namespace lockscope {

// What a connection knows of its server's clock: one reading of TIME, tied to
// this machine's steady clock at the moment the reading was taken (the middle
// of the round trip that fetched it). From it, the server's time now is the
// reading plus the steady time since -- off by at most half that round trip
// plus the drift between the two clocks since the reading, which every renewal
// takes afresh (a reading whose round trip took more than twice the kept one's
// replaces it only once that is 10 s old). So the acquire script need not read and return TIME
// itself: building and parsing that reply was a third of its cost on the server.
class RedisServerClock final {
public:
    using Clock = std::chrono::steady_clock;

    // TIME answered `epochSeconds`; the command was sent at `sentAt` and its
    // reply read at `receivedAt`.
    void note(double epochSeconds, Clock::time_point sentAt, Clock::time_point receivedAt);
    // The server's time at `at`, in epoch seconds; none before the first note.
    std::optional<double> at(Clock::time_point at) const;
    void forget() { m_reading.reset(); }

private:
    struct Reading {
        double epochSeconds;
        Clock::time_point takenAt;
        Clock::duration roundTrip;
    };
    std::optional<Reading> m_reading;
};

} // namespace lockscope
