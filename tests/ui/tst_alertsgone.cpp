// The alert rules for a lease whose owner is gone and for a Redis lock without
// expiry: on synthetic samples (the debounce counted from the first sample that
// showed the item, an owner that comes back within it raising nothing, an
// unknown owner never alerting), then for real — a LeaseManager's session
// terminated with pg_terminate_backend on PostgreSQL, a `SET k v` without PX on
// a real redis-server — in the real window (Alerts tab, log lines, the history
// file), each next to a control that must raise nothing (a connected owner, a
// key with a TTL). The Servers view's Alerts column with one server raising an
// alert and one not. The thresholds dialog stores the new rules. Screenshots go
// to the test artifacts (the Alerts tab, the Servers view).
#include "alerts/alertrulesdialog.h"
#include "alerts/alertstab.h"
#include "alerts/alerttablemodel.h"
#include "connection/profilestore.h"
#include "db/database.h"
#include "inspector/inspectorrefresher.h"
#include "lease/leasemanager.h"
#include "monitor/alertengine.h"
#include "monitor/historystore.h"
#include "monitor/monitor.h"
#include "monitor/samplebuilder.h"
#include "servers/serversrefresher.h"
#include "servers/serverstab.h"
#include "servers/serverstablemodel.h"
#include "support/testdb.h"
#include "support/testredis.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <limits>

using namespace lockscope;
using namespace lockscope::ui;
using test::TestRedis;

namespace {

QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    if (context.category && QByteArray(context.category) == "lockscope.alerts")
        g_log << message;
    if (g_previous)
        g_previous(type, context, message);
}

MonitorSample goneSample(double t, const QList<GoneOwnerStat> &gone) {
    MonitorSample s;
    s.time = t;
    s.source = QStringLiteral("p");
    s.goneOwners = gone;
    return s;
}

MonitorSample noExpirySample(double t, const QStringList &keys) {
    MonitorSample s;
    s.time = t;
    s.source = QStringLiteral("r");
    s.noExpiryKeys = keys;
    return s;
}

QString connectWindow(MainWindow &w, const ConnectionParams &p, const QString &profile) {
    QSignalSpy connected(&w, &MainWindow::connected);
    QSignalSpy failed(&w, &MainWindow::connectionFailed);
    w.connectTo(p, profile);
    QElapsedTimer waited;
    waited.start();
    while (connected.isEmpty() && failed.isEmpty() && waited.elapsed() < 30000)
        QTest::qWait(20);
    if (!connected.isEmpty())
        return QString();
    return failed.isEmpty() ? QStringLiteral("no outcome") : failed.first().first().toString();
}

int openOf(const MainWindow &w, const QString &rule) {
    const QList<Alert> alerts = w.monitor()->engine().alerts();
    return static_cast<int>(std::count_if(alerts.cbegin(), alerts.cend(), [&](const Alert &a) {
        return a.isOpen() && a.rule == rule;
    }));
}

QString textOf(const MainWindow &w, const QString &rule) {
    for (const Alert &a : w.monitor()->engine().alerts()) {
        if (a.isOpen() && a.rule == rule)
            return a.text;
    }
    return QString();
}

qint64 sessionPid(const ConnectionParams &p, const QString &application) {
    ScopedConnection conn(p, QStringLiteral("probe"));
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE application_name = ?"));
    q.addBindValue(application);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

void saveShot(QWidget &widget, const QString &name) {
    const QString path = test::TestDb::artifactPath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(widget.grab().save(path));
    // Also where the lead collects the screenshots, when that folder exists.
    if (QFileInfo(QStringLiteral("/work/shots/alerts")).isDir())
        QVERIFY(widget.grab().save(QStringLiteral("/work/shots/alerts/") + name));
}

} // namespace

class TestAlertsGone final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_data;

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-alertsgone-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
        g_previous = qInstallMessageHandler(captureLog);
    }
    void init() {
        QSettings().clear();
        g_log.clear();
    }

    void defaults() {
        const AlertRules r;
        QVERIFY(r.ownerGoneEnabled);
        QCOMPARE(r.ownerGoneForS, 120);
        QVERIFY(r.noExpiryEnabled);
        QCOMPARE(r.noExpiryForS, 60);
        QSettings settings;
        settings.setValue(QStringLiteral("alerts/ownerGoneForS"), -3);
        QCOMPARE(AlertRules::load(settings).ownerGoneForS, 0);
    }

    // Only a live lease whose owner is known to be gone counts; an unknown
    // owner (SQLite, Redis, a token no rule maps) and an expired lease do not.
    void sampleCountsOnlyKnownGoneOwners() {
        const double now = 1'700'000'000;
        auto lease = [&](const QString &key, const QString &owner, std::optional<bool> connected,
                         double expiresIn) {
            LeaseRow r;
            r.key = key;
            r.owner = owner;
            r.token = owner + QStringLiteral("/tok-") + key;
            r.acquiredAt = now - 10;
            r.expiresAt = now + expiresIn;
            r.ownerStatus.connected = connected;
            return r;
        };
        const QList<LeaseRow> rows{lease(QStringLiteral("a"), QStringLiteral("w1"), false, 60),
                                   lease(QStringLiteral("b"), QStringLiteral("w1"), false, 60),
                                   lease(QStringLiteral("c"), QStringLiteral("w2"), true, 60),
                                   lease(QStringLiteral("d"), QStringLiteral("w3"), {}, 60),
                                   lease(QStringLiteral("e"), QStringLiteral("w4"), false, -5)};
        const MonitorSample s = SampleBuilder::build(now, rows, now, std::nullopt, std::nullopt);
        QCOMPARE(s.goneOwners.size(), 1);
        QCOMPARE(s.goneOwners.first().owner, QStringLiteral("w1"));
        QCOMPARE(s.goneOwners.first().leases, 2);
        QVERIFY(s.noExpiryKeys.isEmpty());
        // Redis: a string key without TTL is listed; one with a TTL and a hash are not.
        LeaseRow noTtl;
        noTtl.key = QStringLiteral("leader");
        noTtl.redisType = QStringLiteral("string");
        noTtl.expiresAt = std::numeric_limits<double>::infinity();
        LeaseRow ttl = noTtl;
        ttl.key = QStringLiteral("cron");
        ttl.expiresAt = now + 30;
        LeaseRow hash = noTtl;
        hash.key = QStringLiteral("redisson");
        hash.redisType = QStringLiteral("hash");
        const MonitorSample r =
            SampleBuilder::build(now, {noTtl, ttl, hash}, now, std::nullopt, std::nullopt);
        QCOMPARE(r.noExpiryKeys, QStringList{QStringLiteral("leader")});
        QCOMPARE(r.heldLeases, 1);
    }

    // Gone for the threshold, counted from the first sample that showed it; an
    // owner that comes back within it starts over; ends when it no longer holds.
    void ownerGoneIsDebounced() {
        AlertEngine engine;
        AlertRules r;
        r.ownerGoneForS = 30;
        engine.setRules(r);
        const double t = 1'700'000'000;
        const QList<GoneOwnerStat> w1{{QStringLiteral("w1"), 2}};
        QVERIFY(engine.update(goneSample(t, w1)).isEmpty());
        QVERIFY(engine.update(goneSample(t + 20, w1)).isEmpty());
        QVERIFY(engine.update(goneSample(t + 25, {})).isEmpty()); // reconnected
        QVERIFY(engine.update(goneSample(t + 30, w1)).isEmpty()); // gone again: from here
        QVERIFY(engine.update(goneSample(t + 59, w1)).isEmpty());
        auto events = engine.update(goneSample(t + 60, w1));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, AlertEvent::Kind::Started);
        QCOMPARE(events.first().alert.rule, QStringLiteral("owner-gone"));
        QCOMPARE(events.first().alert.subject, QStringLiteral("owner w1"));
        QCOMPARE(events.first().alert.severity, Alert::Severity::Warning);
        QVERIFY2(
            events.first().alert.text.startsWith(QLatin1String("Owner w1 holds 2 live leases")),
            qPrintable(events.first().alert.text));
        // Another source's samples leave it alone.
        MonitorSample other = goneSample(t + 61, {});
        other.source = QStringLiteral("q");
        QVERIFY(engine.update(other).isEmpty());
        events = engine.update(goneSample(t + 62, {}));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, AlertEvent::Kind::Ended);
        // Switched off: nothing.
        r.ownerGoneEnabled = false;
        engine.setRules(r);
        QVERIFY(engine.update(goneSample(t + 100, w1)).isEmpty());
        QVERIFY(engine.update(goneSample(t + 1000, w1)).isEmpty());
    }

    void noExpiryIsDebounced() {
        AlertEngine engine;
        AlertRules r;
        r.noExpiryForS = 60;
        engine.setRules(r);
        const double t = 1'700'000'000;
        QVERIFY(engine.update(noExpirySample(t, {QStringLiteral("leader")})).isEmpty());
        QVERIFY(engine.update(noExpirySample(t + 59, {QStringLiteral("leader")})).isEmpty());
        auto events = engine.update(
            noExpirySample(t + 60, {QStringLiteral("leader"), QStringLiteral("new")}));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().alert.rule, QStringLiteral("redis-no-expiry"));
        QVERIFY2(events.first().alert.text.startsWith(QLatin1String("1 lock keys")),
                 qPrintable(events.first().alert.text));
        QVERIFY(events.first().alert.text.contains(QLatin1String("leader")));
        QVERIFY(!events.first().alert.text.contains(QLatin1String("new"))); // not yet 60 s
        events = engine.update(noExpirySample(t + 61, {QStringLiteral("new")}));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, AlertEvent::Kind::Ended);
        QCOMPARE(engine.endAll(t + 62).size(), 0);
    }

    void dialogStoresTheNewRules() {
        QTemporaryDir dir;
        Monitor monitor(dir.filePath(QStringLiteral("h.sqlite")));
        AlertsTab tab(&monitor);
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<AlertRulesDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->findChild<QSpinBox *>(QStringLiteral("ownerGoneFor"))->setValue(45);
            dialog->findChild<QCheckBox *>(QStringLiteral("noExpiryEnabled"))->setChecked(false);
            dialog->findChild<QSpinBox *>(QStringLiteral("noExpiryFor"))->setValue(300);
            dialog->accept();
        });
        tab.thresholdsButton()->click();
        QCOMPARE(monitor.rules().ownerGoneForS, 45);
        QVERIFY(monitor.rules().ownerGoneEnabled);
        QVERIFY(!monitor.rules().noExpiryEnabled);
        QCOMPARE(monitor.rules().noExpiryForS, 300);
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("alerts/ownerGoneForS")).toInt(), 45);
        QCOMPARE(settings.value(QStringLiteral("alerts/noExpiryEnabled")).toBool(), false);
        Monitor again(dir.filePath(QStringLiteral("h.sqlite")));
        QCOMPARE(again.rules(), monitor.rules());
        QVERIFY(tab.summary()->text().contains(QLatin1String("without a session for 45 s")));
        QVERIFY(!tab.summary()->text().contains(QLatin1String("Redis")));
        monitor.flush();
        again.flush();
    }

    // A LeaseManager holds a lease; its session is terminated: after the
    // threshold the owner-gone alert starts (control: while the owner was
    // connected, several thresholds passed with none), and it ends when the row
    // is released by force.
    void ownerGoneOnRealPostgres() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ConnectionParams service = *params;
        service.applicationName = QStringLiteral("billing-svc");
        LeaseConfig config;
        config.ownerId = QStringLiteral("worker-9");
        config.ttl = std::chrono::minutes(10);
        LeaseManager manager(service, config);
        auto lease = manager.tryLock(QStringLiteral("jobs/gone-owner"));
        QVERIFY2(lease.ok(), qPrintable(lease.ok() ? QString() : lease.error().message));
        QVERIFY(sessionPid(*params, QStringLiteral("billing-svc/worker-9")) > 0);

        MainWindow w;
        QAbstractItemModelTester tester(w.alertsTab()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        AlertRules r;
        r.blockerEnabled = false;
        r.expiredEnabled = false;
        r.ownerGoneForS = 2;
        w.monitor()->setRules(r);
        w.refresher()->setInterval(std::chrono::milliseconds(300));
        const QString error = connectWindow(w, *params, QStringLiteral("owners-profile"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Control: the owner is connected; well past the threshold, nothing.
        QSignalSpy sampled(w.monitor(), &Monitor::sampled);
        QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 5, 30000);
        QTest::qWait(2500);
        QCOMPARE(openOf(w, QStringLiteral("owner-gone")), 0);

        QVERIFY(test::TestDb::exec(
            *params, QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                    "WHERE application_name = 'billing-svc/worker-9'")));
        QElapsedTimer gone;
        gone.start();
        QTRY_COMPARE_WITH_TIMEOUT(openOf(w, QStringLiteral("owner-gone")), 1, 30000);
        QVERIFY2(gone.elapsed() >= 1900, qPrintable(QString::number(gone.elapsed())));
        QVERIFY2(textOf(w, QStringLiteral("owner-gone"))
                     .startsWith(QLatin1String("Owner worker-9 holds 1 live leases")),
                 qPrintable(textOf(w, QStringLiteral("owner-gone"))));
        const AlertTableModel *model = w.alertsTab()->model();
        bool listed = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            listed = listed || model->index(row, AlertTableModel::Rule).data().toString() ==
                                   QStringLiteral("Lease owner gone");
        }
        QVERIFY(listed);
        QVERIFY(g_log.filter(QStringLiteral("alert started: WARNING owner-gone")).size() == 1);
        w.resize(1300, 600);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.tabs()->setCurrentIndex(w.tabs()->indexOf(w.alertsTab()));
        w.alertsTab()->view()->resizeColumnsToContents();
        QTest::qWait(300);
        saveShot(w, QStringLiteral("alerts-owner-gone.png"));

        // Released by force (as a DBA would, or a sweep once expired): it ends.
        QVERIFY(test::TestDb::exec(
            *params,
            QStringLiteral("DELETE FROM aggregate_locks WHERE lock_key = 'jobs/gone-owner'")));
        QTRY_COMPARE_WITH_TIMEOUT(openOf(w, QStringLiteral("owner-gone")), 0, 30000);
        QVERIFY(g_log.filter(QStringLiteral("alert ended: WARNING owner-gone")).size() == 1);
        w.monitor()->flush();
        HistoryStore store(w.monitor()->historyPath());
        auto stored = store.alerts(0);
        QVERIFY(stored.ok());
        QVERIFY(std::any_of(stored->cbegin(), stored->cend(), [](const Alert &a) {
            return a.rule == QLatin1String("owner-gone") &&
                   a.subject == QLatin1String("owner worker-9") && a.ended > 0;
        }));
        w.disconnectFromDatabase();
    }

    // `SET k v` without PX: after the threshold a WARNING naming the key
    // (control: a key with a TTL, present as long, raises nothing); DEL ends it.
    void noExpiryOnRealRedis() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString p = params.redisPrefix;
        TestRedis::cli(params,
                       {QStringLiteral("SET"), p + QStringLiteral("reports/cron"),
                        QStringLiteral("cron-7"), QStringLiteral("PX"), QStringLiteral("600000")});
        MainWindow w;
        AlertRules r;
        r.noExpiryForS = 2;
        w.monitor()->setRules(r);
        w.refresher()->setInterval(std::chrono::milliseconds(300));
        const QString error = connectWindow(w, params, QStringLiteral("redis-alerts"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Control: a key with a TTL, past the threshold, raises nothing.
        QSignalSpy sampled(w.monitor(), &Monitor::sampled);
        QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 3, 30000);
        QTest::qWait(2500);
        QCOMPARE(w.monitor()->engine().openCount(), 0);

        TestRedis::cli(params, {QStringLiteral("SET"), p + QStringLiteral("mailer/leader"),
                                QStringLiteral("worker-3")});
        QElapsedTimer present;
        present.start();
        QTRY_COMPARE_WITH_TIMEOUT(openOf(w, QStringLiteral("redis-no-expiry")), 1, 30000);
        QVERIFY2(present.elapsed() >= 1900, qPrintable(QString::number(present.elapsed())));
        QVERIFY2(
            textOf(w, QStringLiteral("redis-no-expiry")).contains(QLatin1String("mailer/leader")),
            qPrintable(textOf(w, QStringLiteral("redis-no-expiry"))));
        QCOMPARE(w.monitor()->engine().openCount(), 1);
        QVERIFY(g_log.filter(QStringLiteral("alert started: WARNING redis-no-expiry")).size() == 1);
        w.resize(1300, 600);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.tabs()->setCurrentIndex(w.tabs()->indexOf(w.alertsTab()));
        w.alertsTab()->view()->resizeColumnsToContents();
        QTest::qWait(300);
        saveShot(w, QStringLiteral("alerts-redis-no-expiry.png"));

        TestRedis::cli(params, {QStringLiteral("DEL"), p + QStringLiteral("mailer/leader")});
        QTRY_COMPARE_WITH_TIMEOUT(openOf(w, QStringLiteral("redis-no-expiry")), 0, 30000);
        QVERIFY(g_log.filter(QStringLiteral("alert ended: WARNING redis-no-expiry")).size() == 1);
        w.disconnectFromDatabase();
    }

    // Two PostgreSQL profiles: one with a lease whose owner is gone, one
    // without (the control); the Alerts column says "1 WARNING" and "none".
    void serversViewAlertsColumn() {
        QString why;
        const auto bad = test::TestDb::freshPostgres(&why);
        if (!bad)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const auto good = test::TestDb::freshPostgres(&why);
        QVERIFY2(good, qPrintable(why));
        const QString gone = QStringLiteral(
            "INSERT INTO aggregate_locks VALUES ('jobs/orphan', "
            "'host:1:dead/0123456789abcdef0123456789abcdef', extract(epoch FROM now()), "
            "extract(epoch FROM now()) + 600)");
        QVERIFY(test::TestDb::exec(*bad, gone));
        QVERIFY(test::TestDb::exec(
            *good, QStringLiteral("INSERT INTO aggregate_locks VALUES ('jobs/fine', 'etl@1', "
                                  "extract(epoch FROM now()), extract(epoch FROM now()) + 600)")));
        ProfileStore::save(Profile{QStringLiteral("orphans"), *bad, false});
        ProfileStore::save(Profile{QStringLiteral("healthy"), *good, false});

        ServersTab tab;
        QAbstractItemModelTester tester(tab.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            tab.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        AlertRules r;
        r.ownerGoneForS = 1;
        tab.refresher()->setRules(r);
        tab.refresher()->setPasswordSource([](const QString &) { return std::nullopt; });
        tab.resize(1300, 220);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        const ServersTableModel &m = *tab.model();
        auto alerts = [&](const QString &name) {
            const int row = m.rowOf(name);
            return row < 0 ? QStringLiteral("(no row)")
                           : m.index(row, ServersTableModel::Alerts).data().toString();
        };
        // The first probe saw the owner gone; the threshold (1 s) passes by the next.
        QTRY_VERIFY_WITH_TIMEOUT(tab.refresher()->inFlight() == 0, 30000);
        QCOMPARE(alerts(QStringLiteral("orphans")), QStringLiteral("none"));
        QCOMPARE(alerts(QStringLiteral("healthy")), QStringLiteral("none"));
        QTest::qWait(1100);
        tab.refresher()->refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(tab.refresher()->inFlight() == 0, 30000);
        QCOMPARE(alerts(QStringLiteral("orphans")), QStringLiteral("1 WARNING"));
        QCOMPARE(alerts(QStringLiteral("healthy")), QStringLiteral("none"));
        const QModelIndex cell =
            m.index(m.rowOf(QStringLiteral("orphans")), ServersTableModel::Alerts);
        QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(QLatin1String("no session")),
                 qPrintable(cell.data(Qt::ToolTipRole).toString()));
        QVERIFY(cell.data(ServersTableModel::SortRole).toInt() >
                m.index(m.rowOf(QStringLiteral("healthy")), ServersTableModel::Alerts)
                    .data(ServersTableModel::SortRole)
                    .toInt());
        tab.view()->resizeColumnsToContents();
        QTest::qWait(100);
        saveShot(tab, QStringLiteral("servers-alerts-column.png"));
        // The row goes: the alert ends at the next probe.
        QVERIFY(test::TestDb::exec(*bad, QStringLiteral("DELETE FROM aggregate_locks")));
        tab.refresher()->refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(tab.refresher()->inFlight() == 0, 30000);
        QCOMPARE(alerts(QStringLiteral("orphans")), QStringLiteral("none"));
        QSettings().remove(QStringLiteral("profiles"));
    }
};

QTEST_MAIN(TestAlertsGone)
#include "tst_alertsgone.moc"
