#include "support/replycutter.h"

#include "support/testdb.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace lockscope::test {

ReplyCutter::ReplyCutter(const ConnectionParams &server)
    : m_upstream(server) {
    if (m_upstream.host.isEmpty())
        m_upstream.host = QStringLiteral("127.0.0.1");
    m_thread.setObjectName(QStringLiteral("ReplyCutter"));
    m_thread.start();
    QObject context;
    context.moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        &context, [this] { listen(); }, Qt::BlockingQueuedConnection);
}

ReplyCutter::~ReplyCutter() {
    QObject context;
    context.moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        &context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
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
            // Both sockets are children of the client socket, which the server
            // owns until it is closed: closing one end deletes the pair.
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
            auto forwardUp = [c, u] {
                if (c && u && u->state() == QAbstractSocket::ConnectedState)
                    u->write(c->readAll());
            };
            QObject::connect(upstream, &QTcpSocket::connected, client, forwardUp);
            QObject::connect(client, &QTcpSocket::readyRead, client, forwardUp);
            QObject::connect(upstream, &QTcpSocket::readyRead, client, [this, c, u, close] {
                if (!c || !u)
                    return;
                if (m_armed.exchange(false)) {
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
