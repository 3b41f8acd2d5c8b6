#pragma once

#include "db/connectionparams.h"

#include <QString>
#include <QThread>

#include <atomic>

class QTcpServer;

namespace lockscope::test {

// A TCP proxy in front of a real server that can lose an answer the way a
// network does: armed with cutNextReply(), it forwards the next request any
// client sends through it to the server as usual, and when the server's
// answer to it comes back it closes both ends of that connection instead of
// passing it on. The server has acted; the client never hears of it. That is
// the one failure a resend after a cut connection must get right (a release
// already applied, a lease already taken), and CLIENT KILL or
// pg_terminate_backend cannot produce it: they cut before the request, never
// between the work and its answer. Other connections' traffic (a listener's
// notifications) passes untouched.
//
// The proxy runs its own event loop on a thread of its own, so the client
// under test may block its thread on the socket.
class ReplyCutter final {
public:
    // In front of the server `server` names (PostgreSQL or Redis, by host and port).
    explicit ReplyCutter(const ConnectionParams &server);
    ~ReplyCutter();
    ReplyCutter(const ReplyCutter &) = delete;
    ReplyCutter &operator=(const ReplyCutter &) = delete;

    // The loopback port clients connect to (0 when listening failed).
    quint16 port() const { return m_port; }
    // The server's parameters, reaching it through the proxy. PostgreSQL: with
    // the harness's password in them, since its ~/.pgpass line names the
    // server's port, not the proxy's.
    ConnectionParams params() const;
    // The answer to the next request, on whichever connection sends it, is
    // dropped and both ends of that connection closed; later ones pass.
    void cutNextReply() { m_armed.store(true); }
    // How many answers were dropped so far.
    int cuts() const { return m_cuts.load(); }

private:
    void listen();

    ConnectionParams m_upstream;
    quint16 m_port = 0;
    QThread m_thread;
    QObject *m_context = nullptr;   // lives on m_thread: where listen() runs
    QTcpServer *m_server = nullptr; // lives on m_thread
    std::atomic<bool> m_armed{false};
    std::atomic<int> m_cuts{0};
};

} // namespace lockscope::test
