// The real window on the offscreen platform against a real redis-server (the
// harness): locks of LockScope and of other programs listed with their state,
// owner and remaining time by the server's clock; force release that deletes
// only the value shown; the audit stream in the Activity tab; an ACL user
// without the permissions sees the actions disabled with the reason; the
// PostgreSQL-only tabs disabled; the connection dialog takes a redis:// URL.
// What is scanned: a connection without a key prefix or match lists only
// LockScope's own locks (found by their fence counters), never a shared
// database's other keys (before, every key of the database was listed as a
// lock), and says so above the table; a match glob lists what it matches;
// lockctl list reads the same keys.
#include "activity/activitytab.h"
#include "activity/audittablemodel.h"
#include "advisory/advisorytab.h"
#include "common/prompter.h"
#include "connection/connectiondialog.h"
#include "lease/leasemanager.h"
#include "leases/leasestab.h"
#include "leases/leasetablemodel.h"
#include "locks/lockstab.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"
#include "support/testredis.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace lockscope;
using namespace lockscope::ui;
using test::LockctlProcess;
using test::TestRedis;

namespace {

class ScriptedPrompter final : public Prompter {
public:
    std::function<void()> onConfirm; // runs while the question is on screen
    QStringList told;
    bool confirm(QWidget *, const QString &, const QString &) override {
        if (onConfirm)
            onConfirm();
        return true;
    }
    void inform(QWidget *, const QString &, const QString &text) override { told << text; }
};

QString connectWindow(MainWindow &w, const ConnectionParams &p) {
    QSignalSpy connected(&w, &MainWindow::connected);
    QSignalSpy failed(&w, &MainWindow::connectionFailed);
    w.connectTo(p, QStringLiteral("redis-test"));
    QElapsedTimer waited;
    waited.start();
    while (connected.isEmpty() && failed.isEmpty() && waited.elapsed() < 30000)
        QTest::qWait(20);
    if (!connected.isEmpty())
        return QString();
    if (!failed.isEmpty())
        return QStringLiteral("the connection failed: %1").arg(failed.first().first().toString());
    return QStringLiteral("no outcome after 30 s");
}

int rowOfKey(const MainWindow &w, const QString &key) {
    const LeaseTableModel *model = w.leaseModel();
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->rowAt(i).key == key)
            return i;
    }
    return -1;
}

QString cell(const MainWindow &w, const QString &key, int column, int role = Qt::DisplayRole) {
    return w.leaseModel()->index(rowOfKey(w, key), column).data(role).toString();
}

void selectKey(MainWindow &w, const QString &key) {
    QTableView *view = w.leasesTab()->view();
    view->clearSelection();
    view->selectRow(rowOfKey(w, key)); // the model is the view's: no proxy in between
}

// An ACL user of its own with the harness user's password (set as its SHA-256,
// so the password is in no command line), allowed only `rules`.
ConnectionParams aclUser(const ConnectionParams &base, const QString &name,
                         const QStringList &rules) {
    const QByteArray hash =
        QCryptographicHash::hash(qgetenv("REDISCLI_AUTH"), QCryptographicHash::Sha256).toHex();
    TestRedis::cli(base, QStringList{QStringLiteral("ACL"), QStringLiteral("SETUSER"), name,
                                     QStringLiteral("reset"), QStringLiteral("on"),
                                     QStringLiteral("#") + QString::fromLatin1(hash)} +
                             rules);
    ConnectionParams p = base;
    p.user = name;
    p.password.clear(); // REDISCLI_AUTH, as for the harness user
    return p;
}

} // namespace

class TestRedisGui final : public QObject {
    Q_OBJECT

private:
    ScriptedPrompter *m_prompter = nullptr;
    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-redis-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    }
    void init() {
        m_prompter = new ScriptedPrompter;
        Prompter::install(m_prompter);
    }
    void cleanup() { Prompter::install(nullptr); }

    // A LockScope holder, a plain SET NX PX of another program, a key without
    // TTL and a Redisson-style hash: each with its state and owner; remaining
    // time by the server's clock; the tabs that need PostgreSQL disabled.
    void listsRedisLocks() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString p = params.redisPrefix;
        std::unique_ptr<QProcess> holder(LockctlProcess::start(
            TestRedis::urlFor(params),
            {QStringLiteral("acquire"), QStringLiteral("jobs/nightly"), QStringLiteral("--ttl"),
             QStringLiteral("45s"), QStringLiteral("--hold"), QStringLiteral("60s")}));
        auto stopHolder = qScopeGuard([&] {
            holder->kill();
            holder->waitForFinished(10000);
        });
        QVERIFY(holder->waitForReadyRead(30000));
        TestRedis::cli(params, {QStringLiteral("SET"), p + QStringLiteral("reports/cron"),
                                QStringLiteral("cron-7"), QStringLiteral("NX"),
                                QStringLiteral("PX"), QStringLiteral("90000")});
        TestRedis::cli(params, {QStringLiteral("SET"), p + QStringLiteral("mailer/leader"),
                                QStringLiteral("worker-3")});
        TestRedis::cli(params, {QStringLiteral("HSET"), p + QStringLiteral("billing/redisson"),
                                QStringLiteral("6f1c:42"), QStringLiteral("2")});

        MainWindow w;
        QAbstractItemModelTester modelTester(w.leaseModel());
        w.resize(1280, 600);
        w.show();
        const QString error = connectWindow(w, params);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 4, 20000);

        using Col = LeaseTableModel::Column;
        QCOMPARE(cell(w, QStringLiteral("jobs/nightly"), Col::State), QStringLiteral("● held"));
        QVERIFY(cell(w, QStringLiteral("jobs/nightly"), Col::Owner).contains(QLatin1Char(':')));
        QCOMPARE(cell(w, QStringLiteral("reports/cron"), Col::Owner), QStringLiteral("cron-7"));
        QCOMPARE(cell(w, QStringLiteral("reports/cron"), Col::State), QStringLiteral("● held"));
        // PX 90000, by the server's clock: between 60 s (a slow machine) and 90 s.
        const double left = w.leaseModel()
                                ->index(rowOfKey(w, QStringLiteral("reports/cron")), Col::Remaining)
                                .data(LeaseTableModel::RemainingRole)
                                .toDouble();
        QVERIFY2(left > 60 && left <= 90.5, qPrintable(QString::number(left)));
        QCOMPARE(cell(w, QStringLiteral("mailer/leader"), Col::State),
                 QStringLiteral("⚠ no-expiry"));
        QCOMPARE(cell(w, QStringLiteral("mailer/leader"), Col::Remaining), QStringLiteral("—"));
        QVERIFY(cell(w, QStringLiteral("mailer/leader"), Col::State, Qt::ToolTipRole)
                    .contains(QLatin1String("no TTL")));
        QCOMPARE(cell(w, QStringLiteral("billing/redisson"), Col::State), QStringLiteral("▣ hash"));
        QCOMPARE(cell(w, QStringLiteral("billing/redisson"), Col::Owner),
                 QStringLiteral("6f1c:42 ×2"));
        QTRY_VERIFY(w.statusLabel()->text().contains(
            QLatin1String("2 held, 1 without expiry, 1 of other types")));

        // Advisory locks and server locks are PostgreSQL's: disabled, with the reason.
        const int advisory = w.tabs()->indexOf(w.advisoryTab());
        QVERIFY(advisory >= 0);
        QVERIFY(!w.tabs()->isTabEnabled(advisory));
        QVERIFY(w.tabs()->tabToolTip(advisory).contains(QLatin1String("Redis")));
        const int locks = w.tabs()->indexOf(w.locksTab());
        QVERIFY(!w.tabs()->isTabEnabled(locks));
        QVERIFY(w.tabs()->tabToolTip(locks).contains(QLatin1String("Redis")));
        // Nothing to sweep on Redis; force release is allowed for this user.
        QVERIFY(!w.leasesTab()->sweepAction()->isEnabled());
        selectKey(w, QStringLiteral("reports/cron"));
        QVERIFY(w.leasesTab()->forceReleaseAction()->isEnabled());

        QTest::qWait(300);
        const QString shots = qEnvironmentVariable("LOCKSCOPE_SHOTS_DIR");
        w.grab().save(shots.isEmpty() ? test::TestDb::artifactPath(QStringLiteral("redis.png"))
                                      : shots + QStringLiteral("/leases-redis.png"));
    }

    void scopeWithoutPrefixOrMatch() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString p = params.redisPrefix;
        // A LockScope lease, one released (its fence counter stays), a cache
        // entry with a TTL, and another program's SET NX lock.
        LeaseManager manager(params);
        auto job = manager.tryLock(QStringLiteral("jobs/nightly"));
        QVERIFY2(job.ok(), qPrintable(job.ok() ? QString() : job.error().message));
        auto done = manager.tryLock(QStringLiteral("jobs/done"));
        QVERIFY(done.ok());
        QVERIFY(done->release().ok());
        TestRedis::cli(params,
                       {QStringLiteral("SET"), p + QStringLiteral("cache/page:1"),
                        QStringLiteral("<html>"), QStringLiteral("EX"), QStringLiteral("600")});
        TestRedis::cli(params, {QStringLiteral("SET"), p + QStringLiteral("lock/cron"),
                                QStringLiteral("cron-7"), QStringLiteral("NX"),
                                QStringLiteral("PX"), QStringLiteral("90000")});
        ConnectionParams unscoped = params;
        unscoped.redisPrefix.clear();
        auto keysShown = [](const MainWindow &w) {
            QStringList keys;
            for (const LeaseRow &row : w.leaseModel()->allRows())
                keys << row.key;
            return keys;
        };
        {
            MainWindow w;
            QAbstractItemModelTester modelTester(w.leaseModel());
            w.resize(1280, 500);
            w.show();
            const QString error = connectWindow(w, unscoped);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(keysShown(w).contains(p + QStringLiteral("jobs/nightly")),
                                     20000);
            const QStringList keys = keysShown(w);
            QVERIFY2(!keys.contains(p + QStringLiteral("cache/page:1")),
                     qPrintable(keys.join(QLatin1Char(' '))));
            QVERIFY(!keys.contains(p + QStringLiteral("lock/cron")));
            QVERIFY(!keys.contains(p + QStringLiteral("jobs/done")));
            for (const QString &key : keys)
                QVERIFY2(!key.startsWith(QLatin1String("lockscope:")), qPrintable(key));
            QLabel *scope = w.leasesTab()->scopeLabel();
            QVERIFY(scope->isVisible());
            QVERIFY2(scope->text().contains(QLatin1String("LockScope's own locks")),
                     qPrintable(scope->text()));
            QTest::qWait(200);
            w.grab().save(test::TestDb::artifactPath(QStringLiteral("redis-scope-own.png")));
        }
        {
            // A match: what it matches, whoever set it.
            ConnectionParams matching = unscoped;
            matching.redisMatch = p + QStringLiteral("*");
            MainWindow w;
            QAbstractItemModelTester modelTester(w.leaseModel());
            w.resize(1280, 500);
            w.show();
            const QString error = connectWindow(w, matching);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->totalCount(), 3, 20000);
            const QStringList keys = keysShown(w);
            QVERIFY(keys.contains(p + QStringLiteral("cache/page:1")));
            QVERIFY(keys.contains(p + QStringLiteral("lock/cron")));
            QVERIFY(keys.contains(p + QStringLiteral("jobs/nightly")));
            QVERIFY2(w.leasesTab()->scopeLabel()->text().contains(p + QStringLiteral("*")),
                     qPrintable(w.leasesTab()->scopeLabel()->text()));
            QTest::qWait(200);
            w.grab().save(test::TestDb::artifactPath(QStringLiteral("redis-scope-match.png")));
        }
        // lockctl reads the same keys: without prefix or match LockScope's own
        // (saying so on stderr), with --match (or ?match= in the URL) those.
        const QString url = TestRedis::urlFor(unscoped);
        const auto own =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(own.exitCode, 0);
        QVERIFY(own.out.contains(p + QStringLiteral("jobs/nightly")));
        QVERIFY(!own.out.contains(p + QStringLiteral("cache/page:1")));
        QVERIFY(!own.out.contains(p + QStringLiteral("lock/cron")));
        QVERIFY2(own.err.contains(QLatin1String("LockScope's own locks")), qPrintable(own.err));
        const auto matched =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json"),
                                      QStringLiteral("--match"), p + QStringLiteral("*")});
        QCOMPARE(matched.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(matched.out.toUtf8()).array().size(), 3);
        QVERIFY(matched.err.isEmpty());
        ConnectionParams matching = unscoped;
        matching.redisMatch = p + QStringLiteral("lock/*");
        const auto byUrl = LockctlProcess::run(TestRedis::urlFor(matching),
                                               {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(byUrl.exitCode, 0);
        const QJsonArray listed = QJsonDocument::fromJson(byUrl.out.toUtf8()).array();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().toObject().value(QStringLiteral("lock_key")).toString(),
                 p + QStringLiteral("lock/cron"));
        QVERIFY(job->release().ok());
    }

    // Force release deletes only the value shown: a key re-taken while the
    // question was on screen is left alone ("changed since you looked"); once
    // the new value is shown it is released. Both are in the Activity tab.
    void forceReleaseOnlyWhatWasShown() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString key = params.redisPrefix + QStringLiteral("reports/cron");
        TestRedis::cli(params, {QStringLiteral("SET"), key, QStringLiteral("cron-7"),
                                QStringLiteral("PX"), QStringLiteral("90000")});
        MainWindow w;
        QAbstractItemModelTester auditTester(w.activityTab()->model());
        w.show();
        const QString error = connectWindow(w, params);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 1, 20000);
        selectKey(w, QStringLiteral("reports/cron"));

        m_prompter->onConfirm = [&] {
            TestRedis::cli(params, {QStringLiteral("SET"), key, QStringLiteral("cron-8"),
                                    QStringLiteral("PX"), QStringLiteral("90000")});
        };
        w.leasesTab()->forceReleaseSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_prompter->told.size(), 1, 20000);
        QVERIFY2(m_prompter->told.first().contains(QLatin1String("changed since you looked")),
                 qPrintable(m_prompter->told.first()));
        QCOMPARE(TestRedis::cli(params, {QStringLiteral("GET"), key}), QStringLiteral("cron-8"));

        m_prompter->onConfirm = nullptr;
        QTRY_COMPARE_WITH_TIMEOUT(cell(w, QStringLiteral("reports/cron"), LeaseTableModel::Owner),
                                  QStringLiteral("cron-8"), 20000);
        selectKey(w, QStringLiteral("reports/cron"));
        w.leasesTab()->forceReleaseSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_prompter->told.size(), 2, 20000);
        QVERIFY2(m_prompter->told.at(1).contains(QLatin1String("released")),
                 qPrintable(m_prompter->told.at(1)));
        QCOMPARE(TestRedis::cli(params, {QStringLiteral("EXISTS"), key}), QStringLiteral("0"));

        // The audit stream, newest first, in the Activity tab.
        AuditTableModel *audit = w.activityTab()->model();
        QTRY_COMPARE_WITH_TIMEOUT(audit->rowCount(), 2, 30000);
        const auto &entries = audit->rows();
        QCOMPARE(entries.at(0).outcome, QStringLiteral("released"));
        QCOMPARE(entries.at(0).previousToken, QStringLiteral("cron-8"));
        QCOMPARE(entries.at(1).outcome, QStringLiteral("changed since shown; not released"));
        QCOMPARE(entries.at(1).previousToken, QStringLiteral("cron-7"));
        QCOMPARE(entries.at(0).tool, QStringLiteral("lockscope"));
        QCOMPARE(entries.at(0).dbUser, params.user);
        w.resize(1280, 400);
        w.tabs()->setCurrentWidget(w.activityTab());
        QTest::qWait(100);
        const QString shots = qEnvironmentVariable("LOCKSCOPE_SHOTS_DIR");
        w.grab().save(shots.isEmpty()
                          ? test::TestDb::artifactPath(QStringLiteral("redis-activity.png"))
                          : shots + QStringLiteral("/activity-redis.png"));
    }

    // An ACL user that may read but not run scripts nor XADD: it sees the locks,
    // and force release is disabled with the reason.
    void aclUserWithoutPermissionsSeesActionsDisabled() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString name = QStringLiteral("viewer-") + params.redisPrefix.chopped(1);
        const ConnectionParams viewer = aclUser(
            params, name,
            {QStringLiteral("~*"), QStringLiteral("&*"), QStringLiteral("+@read"),
             QStringLiteral("+@connection"), QStringLiteral("+select"), QStringLiteral("+time")});
        auto dropUser = qScopeGuard([&] {
            TestRedis::cli(params, {QStringLiteral("ACL"), QStringLiteral("DELUSER"), name});
        });
        TestRedis::cli(params,
                       {QStringLiteral("SET"), params.redisPrefix + QStringLiteral("k"),
                        QStringLiteral("v"), QStringLiteral("PX"), QStringLiteral("90000")});
        MainWindow w;
        w.show();
        const QString error = connectWindow(w, viewer);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 1, 20000);
        selectKey(w, QStringLiteral("k"));
        QVERIFY(!w.leasesTab()->forceReleaseAction()->isEnabled());
        const QString why = w.leasesTab()->forceReleaseAction()->toolTip();
        QVERIFY2(why.contains(name) && why.contains(QLatin1String("EVALSHA")) &&
                     why.contains(QLatin1String("XADD")),
                 qPrintable(why));
    }

    // The dialog takes a rediss:// URL: the fields are filled, the password
    // stays in memory and never reaches the settings file.
    void dialogTakesRedisUrl() {
        const QString secret = QStringLiteral("url-secret-9191");
        ConnectionDialog d;
        auto *url = d.findChild<QLineEdit *>(QStringLiteral("url"));
        QVERIFY(url);
        url->setText(QStringLiteral("rediss://ops:%1@redis.example.com:6380/3?prefix=locks:"
                                    "&sslrootcert=/etc/ca.crt")
                         .arg(secret));
        Q_EMIT url->editingFinished();
        QVERIFY(url->text().isEmpty());
        QCOMPARE(d.findChild<QComboBox *>(QStringLiteral("driver"))->currentIndex(), 2);
        QCOMPARE(d.findChild<QLineEdit *>(QStringLiteral("redisHost"))->text(),
                 QStringLiteral("redis.example.com"));
        QCOMPARE(d.findChild<QSpinBox *>(QStringLiteral("redisDb"))->value(), 3);
        QVERIFY(d.findChild<QCheckBox *>(QStringLiteral("redisTls"))->isChecked());
        Profile p = d.profile();
        QVERIFY(p.params.isRedis());
        QCOMPARE(p.params.port, 6380);
        QCOMPARE(p.params.user, QStringLiteral("ops"));
        QCOMPARE(p.params.password, secret);
        QCOMPARE(p.params.redisPrefix, QStringLiteral("locks:"));
        QCOMPARE(p.params.sslrootcert, QStringLiteral("/etc/ca.crt"));
        d.saveProfile();
        QSettings().sync();
        // Saved without the password, read back as Redis.
        bool found = false;
        for (const Profile &saved : ProfileStore::load()) {
            if (!saved.params.isRedis())
                continue;
            found = true;
            QCOMPARE(saved.params.redisDb, 3);
            QVERIFY(saved.params.redisTls);
            QCOMPARE(saved.params.redisPrefix, QStringLiteral("locks:"));
            QVERIFY(saved.params.password.isEmpty());
        }
        QVERIFY(found);
        QDirIterator it(m_settings.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
        // A bad URL is said in the dialog, and changes nothing.
        url->setText(QStringLiteral("redis://host:notaport/0"));
        Q_EMIT url->editingFinished();
        auto *urlError = d.findChild<QLabel *>(QStringLiteral("urlError"));
        QVERIFY(!urlError->isHidden());
        QVERIFY(!urlError->text().isEmpty());
        QCOMPARE(d.profile().params.port, 6380);
    }
};

QTEST_MAIN(TestRedisGui)
#include "tst_redisgui.moc"
