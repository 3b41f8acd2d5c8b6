// TLS to PostgreSQL against a server of the test's own whose certificate authority
// the harness generates (scripts/pg-harness start DIR --tls): sslmode=require and
// verify-full work for the core library and lockctl, and a wrong or missing
// certificate authority is refused with a message that says what to check.
#include "db/database.h"
#include "lease/lease.h"
#include "lease/leasemanager.h"
#include "support/lockctlprocess.h"
#include "support/privateserver.h"
#include "support/testdb.h"

#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace lockscope;
using namespace std::chrono_literals;

class TestTls final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::PrivateServer> m_server;
    ConnectionParams m_db;

    ConnectionParams with(const QString &host, const QString &mode, const QString &ca) const {
        ConnectionParams p = m_db;
        p.host = host;
        p.sslmode = mode;
        p.sslrootcert = ca;
        return p;
    }
    QString ca() const { return m_server->env(QStringLiteral("LOCKSCOPE_TEST_PG_CA")); }
    QString wrongCa() const { return m_server->env(QStringLiteral("LOCKSCOPE_TEST_PG_WRONG_CA")); }

    // Whether the session of `conn` is encrypted, by the server's own account.
    static bool encrypted(const QSqlDatabase &conn) {
        QSqlQuery q(conn);
        return q.exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) &&
               q.next() && q.value(0).toBool();
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<test::PrivateServer>(test::PrivateServer::Tls::On);
        if (!m_server->ok())
            LOCKSCOPE_SKIP_OR_FAIL(m_server->error());
        QString why;
        m_db = m_server->freshDatabase(&why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY(QFile::exists(ca()));
        QVERIFY(QFile::exists(wrongCa()));
    }
    void cleanupTestCase() { m_server.reset(); }

    void accepted_data() {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("withCa");
        QTest::newRow("require") << QStringLiteral("127.0.0.1") << QStringLiteral("require")
                                 << false;
        QTest::newRow("verify-ca")
            << QStringLiteral("127.0.0.1") << QStringLiteral("verify-ca") << true;
        QTest::newRow("verify-full by IP")
            << QStringLiteral("127.0.0.1") << QStringLiteral("verify-full") << true;
        QTest::newRow("verify-full by name")
            << QStringLiteral("localhost") << QStringLiteral("verify-full") << true;
    }
    // Every connection LockScope opens for a lease (the Qt driver, the libpq fast
    // path on its handle, the LISTEN connection for wake-ups) works over TLS.
    void accepted() {
        QFETCH(QString, host);
        QFETCH(QString, mode);
        QFETCH(bool, withCa);
        const ConnectionParams p = with(host, mode, withCa ? ca() : QString());
        {
            ScopedConnection conn(p, QStringLiteral("tls"));
            QVERIFY2(conn.ok(), qPrintable(conn.ok() ? QString() : conn.error().message));
            QVERIFY(encrypted(conn.db()));
        }
        LeaseManager holder(p);
        LeaseManager waiter(p);
        auto held = holder.tryLock(QStringLiteral("tls/") + mode);
        QVERIFY2(held.ok(), qPrintable(held.ok() ? QString() : held.error().message));
        QVERIFY(!waiter.tryLock(QStringLiteral("tls/") + mode).ok());
        QVERIFY(held->release().ok());
        auto next = waiter.lock(QStringLiteral("tls/") + mode, 5s);
        QVERIFY2(next.ok(), qPrintable(next.ok() ? QString() : next.error().message));
        QVERIFY(next->fence().has_value());
        QVERIFY(next->release().ok());
    }

    void refused_data() {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QString>("reason");
        QTest::newRow("wrong CA") << QStringLiteral("127.0.0.1") << QStringLiteral("verify-full")
                                  << QStringLiteral("wrong")
                                  << QStringLiteral("certificate verify failed");
        QTest::newRow("wrong CA, verify-ca")
            << QStringLiteral("127.0.0.1") << QStringLiteral("verify-ca") << QStringLiteral("wrong")
            << QStringLiteral("certificate verify failed");
        QTest::newRow("missing CA file")
            << QStringLiteral("127.0.0.1") << QStringLiteral("verify-full")
            << QStringLiteral("missing") << QStringLiteral("does not exist");
    }
    void refused() {
        QFETCH(QString, host);
        QFETCH(QString, mode);
        QFETCH(QString, caFile);
        QFETCH(QString, reason);
        const QString file = caFile == QLatin1String("wrong")
                                 ? wrongCa()
                                 : test::TestDb::scratchDir() + QStringLiteral("/no-ca.crt");
        const ConnectionParams p = with(host, mode, file);
        ScopedConnection conn(p, QStringLiteral("tls-refused"));
        QVERIFY(!conn.ok());
        QCOMPARE(conn.error().kind, ErrorKind::Connection);
        const QString &message = conn.error().message;
        QVERIFY2(message.contains(QLatin1String("TLS to PostgreSQL at")), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("Check sslmode and the certificate authority")),
                 qPrintable(message));
    }

    // lockctl takes sslmode and sslrootcert in the URL; a refused certificate is a
    // connection error (exit 1) with the same message, and nothing is written.
    void lockctl() {
        const QString base = test::TestDb::urlFor(m_db);
        const QString good = base + QStringLiteral("?sslmode=verify-full&sslrootcert=") + ca();
        const auto acquired =
            test::LockctlProcess::run(good, {QStringLiteral("acquire"), QStringLiteral("tls/cli"),
                                             QStringLiteral("--hold"), QStringLiteral("0")});
        QVERIFY2(acquired.exitCode == 0, qPrintable(acquired.err));
        QVERIFY2(acquired.out.contains(QLatin1String("\"fence\":")), qPrintable(acquired.out));

        const QString bad = base + QStringLiteral("?sslmode=verify-full&sslrootcert=") + wrongCa();
        const auto refused = test::LockctlProcess::run(
            bad, {QStringLiteral("acquire"), QStringLiteral("tls/refused")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("certificate verify failed")),
                 qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("Check sslmode and the certificate authority")),
                 qPrintable(refused.err));

        const auto list =
            test::LockctlProcess::run(good, {QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QVERIFY2(!list.out.contains(QLatin1String("tls/refused")), qPrintable(list.out));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
