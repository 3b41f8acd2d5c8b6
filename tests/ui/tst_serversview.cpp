// The Servers tab on the offscreen platform against real servers: a reachable
// PostgreSQL profile (held and expired leases, a session waiting for a LOCK
// TABLE), a SQLite profile, a closed port and a server that never answers (a
// listening socket that never accepts, so the connect runs into its timeout).
// The GUI thread keeps handling events while a connect hangs (control: the same
// probe on the GUI thread handles none); probes never run more than the pool's
// bound at once (control: a larger pool does); a double-click opens the
// profile in the main view. A profile edited while its probe runs never shows
// that probe's result: it is dropped and the edited profile probed at once
// (before, the hanging server's timeout was shown for the profile that now
// named a reachable one, until the next round). Saves a screenshot.
#include "connection/profilestore.h"
#include "db/database.h"
#include "leases/leasetablemodel.h"
#include "server/serverprobe.h"
#include "servers/serversrefresher.h"
#include "servers/serverstab.h"
#include "servers/serverstablemodel.h"
#include "support/pgsession.h"
#include "support/privateserver.h"
#include "support/testdb.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace lockscope;
using namespace lockscope::ui;

namespace {

// A port nothing listens on: bound, then closed.
int closedPort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    const int port = probe.serverPort();
    probe.close();
    return port;
}

Profile postgresProfile(const QString &name, const QString &host, int port) {
    Profile p;
    p.name = name;
    p.params.driver = Driver::Postgres;
    p.params.host = host;
    p.params.port = port;
    p.params.database = QStringLiteral("postgres");
    p.params.user = QStringLiteral("lockscope");
    return p;
}

QString cell(const ServersTableModel &m, const QString &name, int column) {
    const int row = m.rowOf(name);
    return row < 0 ? QStringLiteral("(no row)") : m.index(row, column).data().toString();
}

int waitingSessions(const ConnectionParams &p) {
    ScopedConnection conn(p, QStringLiteral("probe"));
    QSqlQuery q(conn.db());
    return q.exec(QStringLiteral("SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted")) &&
                   q.next()
               ? q.value(0).toInt()
               : -1;
}

void clearProfiles() {
    QSettings().remove(QStringLiteral("profiles"));
}

} // namespace

class TestServersView final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    QTcpServer m_blackhole; // listens, never accepts

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QVERIFY(m_blackhole.listen(QHostAddress::LocalHost));
        m_blackhole.pauseAccepting(); // the kernel completes the handshake; nobody answers
    }
    void cleanup() { clearProfiles(); }

    void probesEveryProfileOffTheGuiThread() {
        // A server of the test's own: the row counts waiting sessions server-wide,
        // and the shared test server has other tests' waiters (13 in a CI run).
        test::PrivateServer server;
        if (!server.ok())
            LOCKSCOPE_SKIP_OR_FAIL(server.error());
        QString why;
        const std::optional<ConnectionParams> pg = server.freshDatabase(&why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const QString url = test::TestDb::urlFor(*pg);
        QVERIFY(
            test::TestDb::exec(*pg, QStringLiteral("INSERT INTO aggregate_locks VALUES "
                                                   "('a', 't1', extract(epoch FROM now()), "
                                                   "extract(epoch FROM now()) + 600), "
                                                   "('b', 't2', extract(epoch FROM now()) - 60, "
                                                   "extract(epoch FROM now()) - 30); "
                                                   "CREATE TABLE orders (id int)")));
        // A session waiting behind an idle-in-transaction LOCK TABLE.
        test::PgSession holder(url, QStringLiteral("tst-holder"));
        test::PgSession waiter(url, QStringLiteral("tst-waiter"));
        QVERIFY(holder.exec(QStringLiteral("BEGIN")));
        QVERIFY(holder.exec(QStringLiteral("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE")));
        QVERIFY(waiter.send(QStringLiteral("BEGIN; LOCK TABLE orders IN ACCESS SHARE MODE")));
        // A precondition, not a timing (generous for a busy two-core machine).
        QTRY_VERIFY2_WITH_TIMEOUT(waitingSessions(*pg) == 1,
                                  qPrintable(QStringLiteral("%1 waiting; %2 %3")
                                                 .arg(waitingSessions(*pg))
                                                 .arg(holder.error(), waiter.error())),
                                  90000);

        const ConnectionParams sqlite = test::TestDb::freshSqlite();
        QVERIFY(test::TestDb::exec(
            sqlite, QStringLiteral("INSERT INTO aggregate_locks VALUES ('s', 'x', 0, 4e9)")));

        Profile reachable{QStringLiteral("pg"), *pg, false};
        reachable.params.password = QStringLiteral("s3cret-not-saved"); // never written
        ProfileStore::save(reachable);
        ProfileStore::save(Profile{QStringLiteral("sqlite"), sqlite, false});
        ProfileStore::save(
            postgresProfile(QStringLiteral("closed"), QStringLiteral("127.0.0.1"), closedPort()));
        ProfileStore::save(postgresProfile(QStringLiteral("blackhole"), QStringLiteral("127.0.0.1"),
                                           m_blackhole.serverPort()));
        QSettings().sync();
        QFile file(QSettings().fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("s3cret"));

        ServersTab tab;
        QAbstractItemModelTester tester(tab.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            tab.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        tab.refresher()->setConnectTimeoutS(2);
        tab.refresher()->setPasswordSource([](const QString &) { return std::nullopt; });
        // The GUI thread's event loop: ticks counted while the blackhole's
        // connect is pending.
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start();

        tab.resize(1100, 260);
        tab.show(); // starts probing
        QCOMPARE(tab.model()->rowCount(), 4);
        QVERIFY(tab.refresher()->isProbing(QStringLiteral("blackhole")));
        // The others come back while the blackhole hangs; the loop keeps turning.
        QTRY_VERIFY_WITH_TIMEOUT(tab.refresher()->inFlight() == 1 ||
                                     !tab.refresher()->isProbing(QStringLiteral("blackhole")),
                                 30000);
        const bool stillHanging = tab.refresher()->isProbing(QStringLiteral("blackhole"));
        const int ticksBefore = ticks;
        QTRY_VERIFY_WITH_TIMEOUT(tab.refresher()->inFlight() == 0, 30000);
        if (stillHanging)
            QVERIFY2(ticks > ticksBefore, "the GUI thread handled no event during the connect");

        const ServersTableModel &m = *tab.model();
        QCOMPARE(cell(m, QStringLiteral("pg"), ServersTableModel::Status),
                 QStringLiteral("● reachable"));
        QCOMPARE(cell(m, QStringLiteral("pg"), ServersTableModel::Held), QStringLiteral("1"));
        QCOMPARE(cell(m, QStringLiteral("pg"), ServersTableModel::Expired), QStringLiteral("1"));
        QCOMPARE(cell(m, QStringLiteral("pg"), ServersTableModel::Waiting), QStringLiteral("1"));
        QVERIFY(cell(m, QStringLiteral("pg"), ServersTableModel::LongestWait) !=
                QStringLiteral("—"));
        QCOMPARE(cell(m, QStringLiteral("sqlite"), ServersTableModel::Status),
                 QStringLiteral("● reachable"));
        QCOMPARE(cell(m, QStringLiteral("sqlite"), ServersTableModel::Held), QStringLiteral("1"));
        QCOMPARE(cell(m, QStringLiteral("sqlite"), ServersTableModel::Waiting),
                 QStringLiteral("—"));
        QVERIFY2(cell(m, QStringLiteral("closed"), ServersTableModel::Status)
                     .startsWith(QStringLiteral("✕")),
                 qPrintable(cell(m, QStringLiteral("closed"), ServersTableModel::Status)));
        QVERIFY2(cell(m, QStringLiteral("blackhole"), ServersTableModel::Status)
                     .startsWith(QStringLiteral("✕")),
                 qPrintable(cell(m, QStringLiteral("blackhole"), ServersTableModel::Status)));
        QVERIFY(tab.refresher()->peakConcurrent() <= ServersRefresher::kMaxConcurrent);

        QDir().mkpath(QFileInfo(test::TestDb::artifactPath(QStringLiteral("x"))).absolutePath());
        QVERIFY(tab.grab().save(test::TestDb::artifactPath(QStringLiteral("servers-view.png"))));

        // A double-click asks to open that profile.
        QSignalSpy open(&tab, &ServersTab::openProfile);
        const int row = tab.proxy()->mapFromSource(m.index(m.rowOf(QStringLiteral("pg")), 0)).row();
        const QRect rect = tab.view()->visualRect(tab.proxy()->index(row, 1));
        QTest::mouseClick(tab.view()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(tab.view()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().first().toString(), QStringLiteral("pg"));
        holder.exec(QStringLiteral("ROLLBACK"));
        waiter.finish();
        waiter.exec(QStringLiteral("ROLLBACK"));
    }

    // The control for the responsiveness check: the same connect on the GUI
    // thread lets no event through until it gives up.
    void aConnectOnTheGuiThreadBlocksIt() {
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start();
        QTest::qWait(20);
        const int before = ticks;
        const ServerStatus s =
            ServerProbe::probe(postgresProfile(QStringLiteral("b"), QStringLiteral("127.0.0.1"),
                                               m_blackhole.serverPort())
                                   .params,
                               2);
        QVERIFY(!s.reachable);
        QCOMPARE(ticks, before);
    }

    void probesAreBounded_data() {
        QTest::addColumn<int>("threads");
        QTest::addColumn<bool>("bounded");
        QTest::newRow("pool of 4") << 4 << true;
        QTest::newRow("control: pool of 12") << 12 << false;
    }
    void probesAreBounded() {
        QFETCH(int, threads);
        QFETCH(bool, bounded);
        for (int i = 0; i < 12; ++i)
            ProfileStore::save(postgresProfile(QStringLiteral("hang-%1").arg(i),
                                               QStringLiteral("127.0.0.1"),
                                               m_blackhole.serverPort()));
        ServersTab tab;
        tab.refresher()->setConnectTimeoutS(2);
        tab.refresher()->setMaxConcurrent(threads);
        tab.refresher()->setPasswordSource([](const QString &) { return std::nullopt; });
        tab.refresher()->refreshNow();
        QCOMPARE(tab.refresher()->inFlight(), 12);
        QTRY_COMPARE_WITH_TIMEOUT(tab.refresher()->inFlight(), 0, 60000);
        if (bounded)
            QVERIFY(tab.refresher()->peakConcurrent() <= 4);
        else
            QVERIFY(tab.refresher()->peakConcurrent() > 4);
    }

    // A probe only looks: a SQLite profile whose file is missing is reported
    // unreachable and not created; another program's file keeps its journal
    // mode (no switch to WAL, no -wal or -shm left beside it).
    void sqliteProbesChangeNothing() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ConnectionParams missing;
        missing.driver = Driver::Sqlite;
        missing.sqlitePath = dir.filePath(QStringLiteral("missing.db"));
        const ServerStatus none = ServerProbe::probe(missing, 2);
        QVERIFY(!none.reachable);
        QVERIFY2(none.error.contains(QLatin1String("no such file")), qPrintable(none.error));
        QVERIFY(!QFile::exists(missing.sqlitePath));

        ConnectionParams other = missing;
        other.sqlitePath = dir.filePath(QStringLiteral("other.db"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("other-program"));
            db.setDatabaseName(other.sqlitePath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode=DELETE")));
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE aggregate_locks (lock_key TEXT PRIMARY KEY, owner_token TEXT, "
                "acquired_at REAL, expires_at REAL)")));
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO aggregate_locks VALUES ('k', 't', 0, 4102444800)")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other-program"));
        const ServerStatus seen = ServerProbe::probe(other, 2);
        QVERIFY2(seen.reachable, qPrintable(seen.error));
        QCOMPARE(seen.held, 1);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("other-program"));
            db.setDatabaseName(other.sqlitePath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("delete"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other-program"));
        QVERIFY(!QFile::exists(other.sqlitePath + QStringLiteral("-wal")));
    }

    void editedWhileProbingDropsTheOldResult() {
        ProfileStore::save(postgresProfile(QStringLiteral("edited"), QStringLiteral("127.0.0.1"),
                                           m_blackhole.serverPort()));
        ServersTab tab;
        QAbstractItemModelTester tester(tab.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        tab.refresher()->setConnectTimeoutS(3);
        tab.refresher()->setInterval(std::chrono::minutes(10)); // rounds only when asked
        tab.refresher()->setPasswordSource([](const QString &) { return std::nullopt; });
        tab.resize(1100, 200);
        tab.show(); // starts probing: the blackhole hangs until its timeout
        const ServersTableModel &m = *tab.model();
        QVERIFY(tab.refresher()->isProbing(QStringLiteral("edited")));
        const quint64 before = m.rows().at(m.rowOf(QStringLiteral("edited"))).generation;

        // Meanwhile the profile is edited to name a SQLite file with two leases.
        const ConnectionParams sqlite = test::TestDb::freshSqlite();
        QVERIFY(
            test::TestDb::exec(sqlite, QStringLiteral("INSERT INTO aggregate_locks VALUES "
                                                      "('s', 'x', 0, 4e9), ('t', 'y', 0, 4e9)")));
        ProfileStore::save(Profile{QStringLiteral("edited"), sqlite, false});
        tab.refresher()->refreshNow(); // sees the edit; the old probe still runs
        QVERIFY(m.rows().at(m.rowOf(QStringLiteral("edited"))).generation != before);
        QCOMPARE(cell(m, QStringLiteral("edited"), ServersTableModel::Status),
                 QStringLiteral("checking…"));
        QStringList shown; // every status the row showed after a probe came back
        connect(tab.refresher(), &ServersRefresher::probed, this, [&](const QString &name) {
            if (name == QLatin1String("edited"))
                shown << cell(m, name, ServersTableModel::Status);
        });
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 30000);
        QCOMPARE(shown, QStringList{QStringLiteral("● reachable")});
        QCOMPARE(cell(m, QStringLiteral("edited"), ServersTableModel::Held), QStringLiteral("2"));
        QCOMPARE(cell(m, QStringLiteral("edited"), ServersTableModel::Server), sqlite.displayUrl());
        QCOMPARE(tab.refresher()->staleDropped(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(tab.refresher()->inFlight(), 0, 30000);
        QVERIFY(tab.grab().save(test::TestDb::artifactPath(QStringLiteral("servers-edited.png"))));
    }

    void doubleClickOpensTheProfile() {
        const ConnectionParams sqlite = test::TestDb::freshSqlite();
        ProfileStore::save(Profile{QStringLiteral("local file"), sqlite, false});
        MainWindow w;
        w.show();
        QSignalSpy connected(&w, &MainWindow::connected);
        QVERIFY(w.openProfile(QStringLiteral("local file")));
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 30000);
        QVERIFY(w.session());
        QCOMPARE(w.session()->profileName, QStringLiteral("local file"));
        QVERIFY(!w.openProfile(QStringLiteral("no such profile")));
    }
};

QTEST_MAIN(TestServersView)
#include "tst_serversview.moc"
