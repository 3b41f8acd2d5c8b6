// TLS to PostgreSQL against a server of the test's own whose certificate authority
// the harness generates (scripts/pg-harness start DIR --tls): sslmode=require and
// verify-full work for the core library and lockctl, and a wrong or missing
// certificate authority is refused with a message that says what to check.
// Option values reach libpq quoted: a CA path with a space works, and a value
// that smuggles in another option (sslmode=disable) cannot switch TLS off.
#include "db/database.h"
#include "lease/lease.h"
#include "lease/leasemanager.h"
#include "support/lockctlprocess.h"
#include "support/privateserver.h"
#include "support/testdb.h"

#include <QDir>
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
    // A certificate authority whose path has a space in it (a home directory
    // like "/home/ann/My Certificates/ca.crt"), in the core library and lockctl.
    void caPathWithASpace() {
        const QString dir = test::TestDb::scratchDir() + QStringLiteral("/ca dir with space");
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + QStringLiteral("/it's ca.crt");
        QFile::remove(path);
        QVERIFY(QFile::copy(ca(), path));
        {
            ScopedConnection conn(
                with(QStringLiteral("localhost"), QStringLiteral("verify-full"), path),
                QStringLiteral("tls-space"));
            QVERIFY2(conn.ok(), qPrintable(conn.ok() ? QString() : conn.error().message));
            QVERIFY(encrypted(conn.db()));
        }
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("sslmode"), QStringLiteral("verify-full"));
        query.addQueryItem(QStringLiteral("sslrootcert"),
                           QString::fromLatin1(QUrl::toPercentEncoding(path, "/")));
        const QString url =
            test::TestDb::urlFor(m_db) + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
        const auto acquired =
            test::LockctlProcess::run(url, {QStringLiteral("acquire"), QStringLiteral("tls/space"),
                                            QStringLiteral("--hold"), QStringLiteral("0")});
        QVERIFY2(acquired.exitCode == 0, qPrintable(url + QLatin1Char(' ') + acquired.err));
    }

    // sslrootcert=/ca.pem%20sslmode=disable once reached libpq as two options, the
    // second of which switched TLS off. Now it is one file name: under require the
    // session is still encrypted (libpq skips verification for a CA file it cannot
    // find, as it always does under require); under verify-full the file is not
    // found and the connection refused.
    void smuggledOptionCannotDowngrade_data() {
        QTest::addColumn<QString>("mode");
        QTest::newRow("require") << QStringLiteral("require");
        QTest::newRow("verify-full") << QStringLiteral("verify-full");
    }
    void smuggledOptionCannotDowngrade() {
        QFETCH(QString, mode);
        const QString url = test::TestDb::urlFor(m_db) +
                            QStringLiteral("?sslmode=%1&sslrootcert=%2%20sslmode=disable")
                                .arg(mode, QString::fromLatin1(QUrl::toPercentEncoding(ca(), "/")));
        auto p = ConnectionParams::fromUrl(url);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
        QCOMPARE(p->sslrootcert, ca() + QStringLiteral(" sslmode=disable"));
        ScopedConnection conn(p.value(), QStringLiteral("tls-smuggled"));
        if (mode == QLatin1String("require")) {
            QVERIFY2(conn.ok(), qPrintable(conn.ok() ? QString() : conn.error().message));
            QVERIFY2(encrypted(conn.db()), "sslmode=disable in a value switched TLS off");
        } else {
            QVERIFY2(!conn.ok(), "sslmode=disable in a value switched TLS off");
            QVERIFY2(conn.error().message.contains(QLatin1String("does not exist")),
                     qPrintable(conn.error().message));
        }
    }

    // QPSQL turns every ';' of its options into a space, inside quotes too, so
    // a value with ';' cannot be passed on safely: it is refused before
    // connecting, whether it came in a URL or was set in code (the GUI's fields).
    void semicolonIsRefused() {
        ConnectionParams p = with(QStringLiteral("127.0.0.1"), QStringLiteral("require"),
                                  ca() + QStringLiteral(";sslmode=disable"));
        ScopedConnection conn(p, QStringLiteral("tls-semicolon"));
        QVERIFY(!conn.ok());
        QCOMPARE(conn.error().kind, ErrorKind::InvalidArgument);
        QVERIFY2(conn.error().message.contains(QLatin1String("sslrootcert")),
                 qPrintable(conn.error().message));
        p = with(QStringLiteral("127.0.0.1"), QStringLiteral("require"), QString());
        p.applicationName = QStringLiteral("app;sslmode=disable");
        ScopedConnection named(p, QStringLiteral("tls-semicolon-app"));
        QVERIFY(!named.ok());
        QCOMPARE(named.error().kind, ErrorKind::InvalidArgument);
        const auto parsed = ConnectionParams::fromUrl(
            test::TestDb::urlFor(m_db) +
            QStringLiteral("?sslmode=require&sslrootcert=/ca.pem;sslmode=disable"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, ErrorKind::InvalidArgument);
        const auto nul = ConnectionParams::fromUrl(test::TestDb::urlFor(m_db) +
                                                   QStringLiteral("?application_name=a%00b"));
        QVERIFY(!nul.ok());
        QCOMPARE(nul.error().kind, ErrorKind::InvalidArgument);
        QVERIFY2(nul.error().message.contains(QLatin1String("a NUL character")),
                 qPrintable(nul.error().message));
    }

    // An application name with spaces reaches the server whole.
    void applicationNameWithSpaces() {
        ConnectionParams p =
            with(QStringLiteral("127.0.0.1"), QStringLiteral("require"), QString());
        p.applicationName = QStringLiteral("nightly report's job");
        ScopedConnection conn(p, QStringLiteral("tls-app"));
        QVERIFY2(conn.ok(), qPrintable(conn.ok() ? QString() : conn.error().message));
        QSqlQuery q(conn.db());
        QVERIFY(q.exec(QStringLiteral("SHOW application_name")) && q.next());
        QCOMPARE(q.value(0).toString(), p.applicationName);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
