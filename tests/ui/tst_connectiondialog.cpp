// The bad-input rows of the GUI's connection dialog (docs/bad-input.md): values
// typed into the dialog as a user would, then connected with. Each failure is a
// sentence that says what to do, shown in the window (no crash, no dialog storm),
// and a typed password appears nowhere: not in the message, not in the settings.
#include "common/prompter.h"
#include "connection/connectiondialog.h"
#include "support/privateserver.h"
#include "support/testdb.h"
#include "window/mainwindow.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace lockscope;
using namespace lockscope::ui;

namespace {

class QuietPrompter final : public Prompter {
public:
    QStringList told;
    bool confirm(QWidget *, const QString &, const QString &) override { return false; }
    void inform(QWidget *, const QString &, const QString &text) override { told << text; }
};

template <typename W> W *field(ConnectionDialog &d, const char *name) {
    W *w = d.findChild<W *>(QLatin1String(name));
    if (!w)
        qFatal("the connection dialog has no field '%s'", name);
    return w;
}

void type(ConnectionDialog &d, const char *name, const QString &text) {
    QLineEdit *edit = field<QLineEdit>(d, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

const QString kTypedPassword = QStringLiteral("typed-secret-4242");

} // namespace

class TestConnectionDialog final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    std::unique_ptr<test::PrivateServer> m_tls;
    QuietPrompter *m_prompter = nullptr;

    // Fills the dialog for a PostgreSQL row; `how` picks what is wrong.
    void fillPostgres(ConnectionDialog &d, const QString &how) {
        const auto server =
            ConnectionParams::fromUrl(qEnvironmentVariable("LOCKSCOPE_TEST_PG_URL")).value();
        ConnectionParams target = server;
        QString why;
        if (how == QLatin1String("no table")) {
            target = *test::TestDb::freshPostgres(&why, false);
        } else if (how == QLatin1String("wrong CA")) {
            target = m_tls->params();
        }
        field<QComboBox>(d, "driver")->setCurrentIndex(0);
        type(d, "host", target.host);
        field<QSpinBox>(d, "port")->setValue(how == QLatin1String("wrong port") ? 1 : target.port);
        type(d, "database",
             how == QLatin1String("missing database") ? QStringLiteral("nosuchdb")
                                                      : target.database);
        type(d, "user", target.user);
        if (how == QLatin1String("wrong password"))
            type(d, "password", kTypedPassword);
        QComboBox *ssl = field<QComboBox>(d, "sslmode");
        if (how == QLatin1String("require without TLS"))
            ssl->setCurrentIndex(ssl->findText(QStringLiteral("require")));
        if (how == QLatin1String("wrong CA")) {
            ssl->setCurrentIndex(ssl->findText(QStringLiteral("verify-full")));
            type(d, "sslrootcert", m_tls->env(QStringLiteral("LOCKSCOPE_TEST_PG_WRONG_CA")));
        }
    }

    void fillSqlite(ConnectionDialog &d, const QString &how) {
        field<QComboBox>(d, "driver")->setCurrentIndex(1);
        const QString dir = test::TestDb::scratchDir();
        QString path;
        if (how == QLatin1String("corrupt file")) {
            path = dir + QStringLiteral("/corrupt.db");
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, '\x5a'));
        } else if (how == QLatin1String("a directory")) {
            path = dir;
        } else {
            path = dir + QStringLiteral("/no/such/dir/locks.db");
        }
        type(d, "sqlitePath", path);
    }

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-dialog-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        m_prompter = new QuietPrompter;
        Prompter::install(m_prompter);
    }
    void cleanupTestCase() {
        Prompter::install(nullptr);
        m_tls.reset();
    }

    void rows_data() {
        QTest::addColumn<QString>("how");
        QTest::addColumn<bool>("postgres");
        QTest::addColumn<QString>("message");
        QTest::newRow("2 wrong port")
            << QStringLiteral("wrong port") << true
            << QStringLiteral("Connection refused. Check the host and port");
        QTest::newRow("3 wrong password") << QStringLiteral("wrong password") << true
                                          << QStringLiteral("password authentication failed");
        QTest::newRow("4 missing database")
            << QStringLiteral("missing database") << true
            << QStringLiteral("The database 'nosuchdb' does not exist");
        QTest::newRow("5 missing table")
            << QStringLiteral("no table") << true << QStringLiteral("migrate");
        QTest::newRow("24 corrupt SQLite file") << QStringLiteral("corrupt file") << false
                                                << QStringLiteral("not a valid SQLite database");
        QTest::newRow("25 SQLite path is a directory")
            << QStringLiteral("a directory") << false << QStringLiteral("it is a directory");
        QTest::newRow("26 SQLite directory missing")
            << QStringLiteral("missing dir") << false
            << QStringLiteral("does not exist. Create it first");
        QTest::newRow("28 sslmode=require without TLS")
            << QStringLiteral("require without TLS") << true
            << QStringLiteral("Check sslmode and the certificate authority");
        QTest::newRow("38 verify-full with a wrong CA")
            << QStringLiteral("wrong CA") << true << QStringLiteral("certificate verify failed");
    }
    void rows() {
        QFETCH(QString, how);
        QFETCH(bool, postgres);
        QFETCH(QString, message);
        if (postgres && !test::TestDb::postgresAvailable())
            LOCKSCOPE_SKIP_OR_FAIL(QStringLiteral("no PostgreSQL test server"));
        if (how == QLatin1String("wrong CA") && !m_tls) {
            m_tls = std::make_unique<test::PrivateServer>(test::PrivateServer::Tls::On);
            if (!m_tls->ok())
                LOCKSCOPE_SKIP_OR_FAIL(m_tls->error());
        }
        ConnectionDialog dialog;
        dialog.show();
        if (postgres)
            fillPostgres(dialog, how);
        else
            fillSqlite(dialog, how);
        if (how == QLatin1String("wrong CA"))
            dialog.grab().save(test::TestDb::artifactPath(QStringLiteral("connection-dialog.png")));
        dialog.saveProfile(); // what a user who saves first would store
        const Profile profile = dialog.profile();

        MainWindow w;
        w.show();
        QSignalSpy failed(&w, &MainWindow::connectionFailed);
        w.connectTo(profile.params, profile.name);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
        const QString shown = failed.first().first().toString();
        QVERIFY2(shown.contains(message), qPrintable(shown));
        QVERIFY2(!shown.contains(kTypedPassword), qPrintable(shown));
        QVERIFY(!w.session());
        QTRY_VERIFY(w.statusLabel()->text().contains(message));

        // The typed password is in no settings file.
        QSettings().sync();
        QDirIterator files(m_settings.path(), QDir::Files, QDirIterator::Subdirectories);
        bool profileFound = false; // the search looked where the profile really is
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray content = f.readAll();
            QVERIFY2(!content.contains(kTypedPassword.toUtf8()), qPrintable(f.fileName()));
            profileFound = profileFound ||
                           content.contains(QUrl::toPercentEncoding(profile.name)) ||
                           content.contains(profile.name.toUtf8());
        }
        QVERIFY2(profileFound, "the saved profile was not found in the settings directory");
    }

    // A saved profile keeps its certificate authority file.
    void certificateAuthorityIsKept() {
        ConnectionDialog dialog;
        Profile p;
        p.name = QStringLiteral("tls profile");
        p.params.driver = Driver::Postgres;
        p.params.host = QStringLiteral("db.example.com");
        p.params.sslmode = QStringLiteral("verify-full");
        p.params.sslrootcert = QStringLiteral("/etc/ssl/company-ca.crt");
        dialog.setProfile(p);
        dialog.saveProfile();
        const Profile back = dialog.profile();
        QCOMPARE(back.params.sslrootcert, p.params.sslrootcert);
        ConnectionDialog reopened;
        reopened.setProfile(ProfileStore::load().constLast());
        QCOMPARE(reopened.profile().params.sslrootcert, p.params.sslrootcert);
        QCOMPARE(reopened.profile().params.sslmode, QStringLiteral("verify-full"));
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
