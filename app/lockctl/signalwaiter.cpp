#include "signalwaiter.h"

#include <csignal>
#include <pthread.h>
#include <thread>

namespace lockctl {

SignalWaiter::SignalWaiter() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    // Detached: it ends with the process; a signal that arrives while the process
    // exits changes nothing because the lease is released before exit.
    std::thread([this, set] {
        int sig = 0;
        if (sigwait(&set, &sig) == 0) {
            m_signal.store(sig);
            m_token.cancel();
        }
    }).detach();
}

SignalWaiter::~SignalWaiter() = default;

} // namespace lockctl
