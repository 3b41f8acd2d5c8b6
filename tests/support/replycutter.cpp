#include "support/replycutter.h"

#include "support/testdb.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace lockscope::test {

namespace {
// Set on the client socket whose request was the next one after arming:
// that connection's next answer is the one dropped.
constexpr char kCutProperty[] = "lockscopeCutNextAnswer";
} // namespace

ReplyCutter::ReplyCutter(const ConnectionParams &server)
    : m_upstream(server) {
    if (m_upstream.host.isEmpty())
        m_upstream.host = QStringLiteral("127.0.0.1");
    m_thread.setObjectName(QStringLiteral("ReplyCutter"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_context, [this] { listen(); }, Qt::BlockingQueuedConnection);
}

ReplyCutter::~ReplyCutter() {
    // On the proxy's thread: every socket first forgets its handlers (a socket
    // being destroyed announces its disconnection), then goes.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            if (!m_server)
                return;
            m_server->close();
            const auto sockets = m_server->findChildren<QTcpSocket *>();
            for (QTcpSocket *socket : sockets) {
                QObject::disconnect(socket, nullptr, nullptr, nullptr);
                socket->abort();
            }
            delete m_server;
            m_server = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context; // its thread has ended
}

ConnectionParams ReplyCutter::params() const {
    ConnectionParams through = m_upstream;
    through.host = QStringLiteral("127.0.0.1");
    through.port = m_port;
    QString why;
    if (through.isPostgres() && through.password.isEmpty())
        through.password = TestDb::harnessPassword(&why).value_or(QString());
    return through;
}

void ReplyCutter::listen() {
    m_server = new QTcpServer;
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return;
    m_port = m_server->serverPort();
    QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            // The upstream socket is the client socket's child: closing the
            // client (deleteLater) deletes the pair.
            auto *upstream = new QTcpSocket(client);
            QPointer<QTcpSocket> c(client);
            QPointer<QTcpSocket> u(upstream);
            auto close = [c, u] {
                if (u)
                    u->abort();
                if (c) {
                    c->abort();
                    c->deleteLater();
                }
            };
            auto forwardUp = [this, c, u] {
                if (!c || !u || u->state() != QAbstractSocket::ConnectedState)
                    return;
                const QByteArray request = c->readAll();
                if (request.isEmpty())
                    return;
                // The first request after arming: its answer is the one lost.
                if (m_armed.exchange(false))
                    c->setProperty(kCutProperty, true);
                u->write(request);
            };
            QObject::connect(upstream, &QTcpSocket::connected, client, forwardUp);
            QObject::connect(client, &QTcpSocket::readyRead, client, forwardUp);
            QObject::connect(upstream, &QTcpSocket::readyRead, client, [this, c, u, close] {
                if (!c || !u)
                    return;
                if (c->property(kCutProperty).toBool()) {
                    u->readAll();
                    m_cuts.fetch_add(1);
                    close();
                    return;
                }
                c->write(u->readAll());
            });
            QObject::connect(client, &QTcpSocket::disconnected, client, close);
            QObject::connect(upstream, &QTcpSocket::disconnected, client, close);
            QObject::connect(upstream, &QTcpSocket::errorOccurred, client, close);
            upstream->connectToHost(m_upstream.host, static_cast<quint16>(m_upstream.port));
        }
    });
}

} // namespace lockscope::test
