#pragma once

#include "base/canceltoken.h"

#include <atomic>

namespace lockctl {

// Turns SIGINT/SIGTERM into a cancel: the signals are blocked in every thread and
// taken by one thread with sigwait(), which cancels the token. Nothing polls.
// Construct before any other thread starts.
class SignalWaiter final {
public:
    SignalWaiter();
    ~SignalWaiter();
    SignalWaiter(const SignalWaiter &) = delete;
    SignalWaiter &operator=(const SignalWaiter &) = delete;

    const lockscope::CancelToken &token() const { return m_token; }
    // Ends what waits on the token, as a signal would (e.g. a lost lease).
    void cancel() { m_token.cancel(); }
    int signalNumber() const { return m_signal.load(); }

private:
    lockscope::CancelToken m_token;
    std::atomic<int> m_signal{0};
};

} // namespace lockctl
