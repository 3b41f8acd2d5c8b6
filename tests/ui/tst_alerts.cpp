// Alerts: the rules on synthetic samples (start, raise, end, the debounce read
// from the data), then on real PostgreSQL sessions in the real window — a
// session blocking three others becomes a WARNING, then CRITICAL, with a badge
// on the tab, a notification while the window is hidden and a log line, and
// ends when it commits; expired leases nobody swept (SQLite and PostgreSQL) —
// the thresholds dialog and QSettings, the model under QAbstractItemModelTester.
// Thresholds are set to seconds so nothing waits for minutes. A blocker of 70
// real sessions fires the rule "blocks at least 70" (before, a sample kept the
// waits of 64 sessions per blocker, so no threshold above 64 could ever fire
// while the dialog offered up to 10000).
#include "alerts/alertnotifier.h"
#include "alerts/alertrulesdialog.h"
#include "alerts/alertstab.h"
#include "alerts/alerttablemodel.h"
#include "db/database.h"
#include "inspector/inspectorrefresher.h"
#include "monitor/alertengine.h"
#include "monitor/historystore.h"
#include "monitor/monitor.h"
#include "monitor/samplebuilder.h"
#include "server/serverwaits.h"
#include "support/pgsession.h"
#include "support/privateserver.h"
#include "support/testdb.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

using namespace lockscope;
using namespace lockscope::ui;
using test::PgSession;

namespace {

QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    if (context.category && QByteArray(context.category) == "lockscope.alerts")
        g_log << message;
    if (g_previous)
        g_previous(type, context, message);
}

double nowS() {
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

MonitorSample blockerSample(double t, int pid, QList<double> waits) {
    MonitorSample s;
    s.time = t;
    s.source = QStringLiteral("p");
    s.waiting = static_cast<int>(waits.size());
    s.blockers = 1;
    s.rootBlockers.append({pid, static_cast<int>(waits.size()), waits});
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

int rowOfRule(const AlertTableModel &model, const QString &rule) {
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, AlertTableModel::Rule).data(Qt::UserRole).toString() == rule)
            return r;
    }
    return -1;
}

} // namespace

class TestAlerts final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_data;
    // The blocker rule counts waiting sessions server-wide, and other tests leave
    // waiters on the shared server: the tests of real blockers run on a server of
    // this test's own (started on first use).
    std::unique_ptr<test::PrivateServer> m_server;

    std::optional<ConnectionParams> quietDatabase(QString *why) {
        if (!m_server)
            m_server = std::make_unique<test::PrivateServer>();
        if (!m_server->ok()) {
            *why = m_server->error();
            return std::nullopt;
        }
        const ConnectionParams params = m_server->freshDatabase(why);
        return why->isEmpty() ? std::optional<ConnectionParams>(params) : std::nullopt;
    }

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-alerts-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
        g_previous = qInstallMessageHandler(captureLog);
    }
    void init() {
        QSettings().clear();
        g_log.clear();
    }

    void defaultsAreADbasChoice() {
        const AlertRules r;
        QCOMPARE(r.blockerSessions, 3);
        QCOMPARE(r.blockerWarnS, 300);
        QCOMPARE(r.blockerCritS, 600);
        QCOMPARE(r.expiredLeases, 1);
        QCOMPARE(r.expiredForS, 600);
        QSettings settings;
        QCOMPARE(AlertRules::load(settings), r);
    }

    // Bad input (docs/bad-input.md H3): thresholds out of range in the settings.
    void settingsOutOfRangeAreClamped() {
        QSettings settings;
        settings.setValue(QStringLiteral("alerts/blockerSessions"), 0);
        settings.setValue(QStringLiteral("alerts/blockerWarnS"), 900);
        settings.setValue(QStringLiteral("alerts/blockerCritS"), 60);
        settings.setValue(QStringLiteral("alerts/expiredForS"), -5);
        const AlertRules r = AlertRules::load(settings);
        QCOMPARE(r.blockerSessions, 1);
        QCOMPARE(r.blockerWarnS, 900);
        QCOMPARE(r.blockerCritS, 900);
        QCOMPARE(r.expiredForS, 0);
    }

    // Starts once 3 sessions have waited 300 s behind one blocker, turns
    // critical at 600 s, ends when fewer than 3 wait; the same blocker later is
    // a new instance.
    void blockerStartsRaisesAndEnds() {
        AlertEngine engine;
        const double t = 1'700'000'000;
        QVERIFY(engine.update(blockerSample(t, 42, {900, 899, 10})).isEmpty()); // 2 long waits
        QVERIFY(engine.update(blockerSample(t + 1, 42, {400, 300, 299})).isEmpty());
        auto events = engine.update(blockerSample(t + 2, 42, {401, 301, 300}));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, AlertEvent::Kind::Started);
        QCOMPARE(events.first().alert.severity, Alert::Severity::Warning);
        QCOMPARE(events.first().alert.subject, QStringLiteral("pid 42"));
        QCOMPARE(events.first().alert.since, t + 2);
        const qint64 id = events.first().alert.id;
        QVERIFY(engine.update(blockerSample(t + 3, 42, {402, 302, 301, 5})).isEmpty());
        events = engine.update(blockerSample(t + 4, 42, {700, 650, 600}));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, AlertEvent::Kind::Raised);
        QCOMPARE(events.first().alert.severity, Alert::Severity::Critical);
        QCOMPARE(events.first().alert.id, id);
        QCOMPARE(engine.openCount(), 1);
        QVERIFY(engine.hasOpenCritical());
        events = engine.update(blockerSample(t + 5, 42, {700, 650}));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, AlertEvent::Kind::Ended);
        QCOMPARE(events.first().alert.ended, t + 5);
        QCOMPARE(engine.openCount(), 0);
        events = engine.update(blockerSample(t + 6, 42, {700, 650, 600}));
        QCOMPARE(events.size(), 1);
        QVERIFY(events.first().alert.id > id);
        QCOMPARE(engine.alerts().size(), 2);
        QVERIFY(engine.alerts().first().isOpen());
        // Another connection's samples leave this one's alerts alone; endAll ends them.
        MonitorSample other = blockerSample(t + 7, 1, {});
        other.source = QStringLiteral("q");
        QVERIFY(engine.update(other).isEmpty());
        QCOMPARE(engine.endAll(t + 8).size(), 1);
        QCOMPARE(engine.openCount(), 0);
    }

    void expiredLeasesFromTheirExpiry() {
        AlertEngine engine;
        AlertRules r;
        r.expiredLeases = 2;
        r.expiredForS = 60;
        engine.setRules(r);
        MonitorSample s;
        s.time = 100;
        s.source = QStringLiteral("p");
        s.expiredAges = {500, 59};
        QVERIFY(engine.update(s).isEmpty()); // one of two is old enough
        s.time = 101;
        s.expiredAges = {501, 60};
        auto events = engine.update(s);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().alert.rule, QStringLiteral("expired-leases"));
        QVERIFY(events.first().alert.text.startsWith(QLatin1String("2 leases")));
        s.time = 102;
        s.expiredAges = {};
        QCOMPARE(engine.update(s).first().kind, AlertEvent::Kind::Ended);
        r.expiredEnabled = false;
        engine.setRules(r);
        s.expiredAges = {501, 501};
        QVERIFY(engine.update(s).isEmpty());
    }

    void modelFollowsTheEngine() {
        AlertTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(Qt::UserRole);
        proxy.sort(AlertTableModel::Since, Qt::DescendingOrder);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        AlertEngine engine;
        const double t = 1'700'000'000;
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        engine.update(blockerSample(t, 1, {400, 400, 400}));
        model.setAlerts(engine.alerts());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.openCount(), 1);
        QCOMPARE(model.index(0, AlertTableModel::Ended).data().toString(), QStringLiteral("open"));
        QVERIFY(model.index(0, AlertTableModel::What).data(Qt::FontRole).value<QFont>().bold());
        MonitorSample two = blockerSample(t + 1, 1, {400, 400, 400});
        two.rootBlockers.append({2, 3, {700, 700, 700}});
        engine.update(two);
        model.setAlerts(engine.alerts());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AlertTableModel::Severity).data().toString(),
                 QStringLiteral("CRITICAL"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        engine.update(blockerSample(t + 2, 3, {}));
        model.setAlerts(engine.alerts());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.openCount(), 0);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(resets.size(), 0);
    }

    // Offscreen there is no tray; the notification is still decided and emitted.
    void notifiesOnlyWhileHidden() {
        QTemporaryDir dir;
        Monitor monitor(dir.filePath(QStringLiteral("h.sqlite")));
        AlertRules r;
        r.blockerWarnS = 1;
        r.blockerCritS = 100;
        monitor.setRules(r);
        monitor.setSource(QStringLiteral("p"));
        QWidget window;
        AlertNotifier notifier(&monitor, &window);
        QSignalSpy notified(&notifier, &AlertNotifier::notified);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        monitor.record(blockerSample(nowS(), 5, {10, 10, 10}));
        QCOMPARE(monitor.engine().openCount(), 1);
        QCOMPARE(notified.size(), 0);                 // shown: the badge says it
        monitor.record(blockerSample(nowS(), 5, {})); // ends
        window.hide();
        monitor.record(blockerSample(nowS(), 5, {10, 10, 10}));
        QCOMPARE(notified.size(), 1);
        QVERIFY(notified.first().at(0).toString().startsWith(QLatin1String("WARNING")));
        monitor.record(blockerSample(nowS(), 5, {200, 200, 200})); // raised: told again
        QCOMPARE(notified.size(), 2);
        QVERIFY(notified.last().at(0).toString().startsWith(QLatin1String("CRITICAL")));
        monitor.flush();
    }

    // Real sessions: one holder, three waiters behind it.
    void blockerOnRealSessions() {
        QString why;
        const auto params = quietDatabase(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY(test::TestDb::exec(*params, QStringLiteral("CREATE TABLE jobs (id int)"), &why));
        const QString url = test::TestDb::urlFor(*params);
        PgSession holder(url, QStringLiteral("stuck-batch"));
        PgSession w1(url, QStringLiteral("web-1"));
        PgSession w2(url, QStringLiteral("web-2"));
        PgSession w3(url, QStringLiteral("web-3"));
        QVERIFY(holder.ok() && w1.ok() && w2.ok() && w3.ok());
        QVERIFY(holder.exec(QStringLiteral("BEGIN")));
        QVERIFY(holder.exec(QStringLiteral("LOCK TABLE jobs")));
        QVERIFY(w1.send(QStringLiteral("SELECT count(*) FROM jobs")));
        QVERIFY(w2.send(QStringLiteral("SELECT count(*) FROM jobs")));

        MainWindow w;
        QAbstractItemModelTester tester(w.alertsTab()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            w.alertsTab()->view()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        AlertRules r;
        r.blockerWarnS = 1;
        r.blockerCritS = 4;
        r.expiredEnabled = false;
        w.monitor()->setRules(r);
        w.refresher()->setInterval(std::chrono::milliseconds(300));
        QSignalSpy notified(w.alertNotifier(), &AlertNotifier::notified);
        const QString error = connectWindow(w, *params, QStringLiteral("alerts-profile"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const int alertsTab = w.tabs()->indexOf(w.alertsTab());
        // Two waiters are not enough, however long they wait.
        QTest::qWait(2500);
        QCOMPARE(w.monitor()->engine().openCount(), 0);
        QCOMPARE(w.tabs()->tabText(alertsTab), QStringLiteral("Alerts"));
        QVERIFY(w3.send(QStringLiteral("SELECT count(*) FROM jobs")));
        QTRY_COMPARE_WITH_TIMEOUT(w.monitor()->engine().openCount(), 1, 30000);
        const AlertTableModel *model = w.alertsTab()->model();
        const int row = rowOfRule(*model, QStringLiteral("blocker"));
        QVERIFY(row >= 0);
        QVERIFY2(model->index(row, AlertTableModel::What)
                     .data()
                     .toString()
                     .startsWith(QStringLiteral("Session %1 blocks 3 sessions").arg(holder.pid())),
                 qPrintable(model->index(row, AlertTableModel::What).data().toString()));
        QCOMPARE(model->index(row, AlertTableModel::Source).data().toString(),
                 QStringLiteral("alerts-profile"));
        QCOMPARE(w.tabs()->tabText(alertsTab), QStringLiteral("Alerts (1)"));
        QVERIFY(!w.tabs()->tabIcon(alertsTab).isNull());
        QVERIFY(w.alertsTab()->summary()->text().startsWith(QLatin1String("1 open alert")));
        // The window was never shown: a notification.
        QVERIFY(notified.size() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(w.monitor()->engine().hasOpenCritical(), 30000);
        QTRY_COMPARE(
            model->index(rowOfRule(*model, QStringLiteral("blocker")), AlertTableModel::Severity)
                .data()
                .toString(),
            QStringLiteral("CRITICAL"));
        w.resize(1300, 600);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.tabs()->setCurrentIndex(alertsTab);
        QTest::qWait(300);
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("alerts-tab.png")));

        // The holder commits: the waiters go through, the alert ends.
        QVERIFY(holder.exec(QStringLiteral("COMMIT")));
        QVERIFY(w1.finish() && w2.finish() && w3.finish());
        QTRY_COMPARE_WITH_TIMEOUT(w.monitor()->engine().openCount(), 0, 30000);
        QCOMPARE(w.tabs()->tabText(alertsTab), QStringLiteral("Alerts"));
        const int ended = rowOfRule(*model, QStringLiteral("blocker"));
        QVERIFY(model->index(ended, AlertTableModel::Ended).data(Qt::UserRole).toDouble() > 0);
        // Logged when it started, was raised and ended; and in the history file.
        QVERIFY2(g_log.filter(QStringLiteral("alert started: WARNING blocker")).size() == 1,
                 qPrintable(g_log.join(QLatin1Char('\n'))));
        QVERIFY(g_log.filter(QStringLiteral("alert raised: CRITICAL blocker")).size() == 1);
        QVERIFY(g_log.filter(QStringLiteral("alert ended: CRITICAL blocker")).size() == 1);
        w.monitor()->flush();
        HistoryStore store(w.monitor()->historyPath());
        auto stored = store.alerts(0);
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->first().subject, QStringLiteral("pid %1").arg(holder.pid()));
        QCOMPARE(stored->first().severity, Alert::Severity::Critical);
        QVERIFY(stored->first().ended >= stored->first().since);
    }

    // More sessions behind one blocker than a sample used to keep the waits
    // of: every one counts, and every threshold the dialog offers can fire.
    void blockerOfManySessions() {
        QString why;
        const auto params = quietDatabase(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY(test::TestDb::exec(*params, QStringLiteral("CREATE TABLE jobs (id int)"), &why));
        const QString url = test::TestDb::urlFor(*params);
        constexpr int kWaiters = 70;
        PgSession holder(url, QStringLiteral("stuck-batch"));
        QVERIFY(holder.ok());
        QVERIFY(holder.exec(QStringLiteral("BEGIN")));
        QVERIFY(holder.exec(QStringLiteral("LOCK TABLE jobs")));
        std::vector<std::unique_ptr<PgSession>> waiters;
        for (int i = 0; i < kWaiters; ++i) {
            waiters.push_back(std::make_unique<PgSession>(url, QStringLiteral("web-%1").arg(i)));
            QVERIFY2(waiters.back()->ok(), qPrintable(waiters.back()->error()));
            QVERIFY(waiters.back()->send(QStringLiteral("SELECT count(*) FROM jobs")));
        }
        ScopedConnection conn(*params, QStringLiteral("waits"));
        QVERIFY(conn.ok());
        QList<WaitingSession> waits;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto read = ServerWaits::read(conn.db(), *params);
                waits = read.ok() ? read.value() : QList<WaitingSession>();
                return waits.size() == kWaiters;
            }(),
            30000);
        const MonitorSample sample =
            SampleBuilder::build(static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0,
                                 {}, 0, std::nullopt, waits);
        QCOMPARE(sample.waiting, kWaiters);
        QCOMPARE(sample.rootBlockers.size(), 1);
        QCOMPARE(sample.rootBlockers.first().pid, holder.pid());
        QCOMPARE(sample.rootBlockers.first().blockedTotal, kWaiters);
        QCOMPARE(sample.rootBlockers.first().waits.size(), kWaiters);

        // The rule at exactly that many sessions fires; one more does not.
        AlertRules rules;
        rules.blockerSessions = kWaiters;
        rules.blockerWarnS = 0;
        rules.blockerCritS = 3600;
        rules.expiredEnabled = false;
        AlertEngine engine;
        engine.setRules(rules);
        const QList<AlertEvent> events = engine.update(sample);
        QCOMPARE(engine.openCount(), 1);
        QVERIFY(!events.isEmpty());
        QVERIFY2(
            engine.alerts().first().text.startsWith(
                QStringLiteral("Session %1 blocks %2 sessions").arg(holder.pid()).arg(kWaiters)),
            qPrintable(engine.alerts().first().text));
        AlertEngine tooMany;
        rules.blockerSessions = kWaiters + 1;
        tooMany.setRules(rules);
        (void)tooMany.update(sample);
        QCOMPARE(tooMany.openCount(), 0);

        // The dialog offers no threshold a sample cannot serve; saved settings
        // above it are clamped.
        AlertRulesDialog dialog(AlertRules{});
        auto *sessions = dialog.findChild<QSpinBox *>(QStringLiteral("blockerSessions"));
        QVERIFY(sessions);
        QCOMPARE(sessions->maximum(), AlertRules::kMaxBlockerSessions);
        QSettings settings;
        settings.setValue(QStringLiteral("alerts/blockerSessions"), 1'000'000);
        QCOMPARE(AlertRules::load(settings).blockerSessions, AlertRules::kMaxBlockerSessions);
        settings.remove(QStringLiteral("alerts"));

        QVERIFY(holder.exec(QStringLiteral("COMMIT")));
        for (auto &waiter : waiters)
            QVERIFY(waiter->finish());
    }

    void expiredLeasesOnRealDatabases_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void expiredLeasesOnRealDatabases() {
        LOCKSCOPE_FRESH_DB(params);
        const QString now = Database::nowSql(params.driver);
        QVERIFY(test::TestDb::exec(
            params, QStringLiteral("INSERT INTO aggregate_locks VALUES ('fresh', 't1', %1 - 60, "
                                   "%1 - 5), ('live', 't2', %1 - 60, %1 + 600)")
                        .arg(now)));
        MainWindow w;
        AlertRules r;
        r.blockerEnabled = false;
        r.expiredLeases = 1;
        r.expiredForS = 30;
        w.monitor()->setRules(r);
        w.refresher()->setInterval(std::chrono::milliseconds(300));
        const QString error = connectWindow(w, params, QStringLiteral("expired"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Expired 5 s ago: not yet.
        QTest::qWait(1500);
        QCOMPARE(w.monitor()->engine().openCount(), 0);
        QVERIFY(test::TestDb::exec(
            params, QStringLiteral("INSERT INTO aggregate_locks VALUES ('old', 't3', %1 - 600, "
                                   "%1 - 120)")
                        .arg(now)));
        QTRY_COMPARE_WITH_TIMEOUT(w.monitor()->engine().openCount(), 1, 30000);
        const AlertTableModel *model = w.alertsTab()->model();
        const int row = rowOfRule(*model, QStringLiteral("expired-leases"));
        QVERIFY(row >= 0);
        QVERIFY(model->index(row, AlertTableModel::What)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("1 leases expired")));
        // Swept: it ends.
        QVERIFY(test::TestDb::exec(
            params, QStringLiteral("DELETE FROM aggregate_locks WHERE expires_at <= %1").arg(now)));
        QTRY_COMPARE_WITH_TIMEOUT(w.monitor()->engine().openCount(), 0, 30000);
        w.monitor()->flush();
        HistoryStore store(w.monitor()->historyPath());
        auto stored = store.alerts(0);
        QVERIFY(stored.ok());
        QVERIFY(std::any_of(stored->cbegin(), stored->cend(), [](const Alert &a) {
            return a.rule == QLatin1String("expired-leases") &&
                   a.source == QLatin1String("expired") && a.ended > 0;
        }));
    }

    void thresholdsDialogStoresRules() {
        QTemporaryDir dir;
        Monitor monitor(dir.filePath(QStringLiteral("h.sqlite")));
        AlertsTab tab(&monitor);
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<AlertRulesDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->findChild<QSpinBox *>(QStringLiteral("blockerSessions"))->setValue(5);
            dialog->findChild<QSpinBox *>(QStringLiteral("blockerWarn"))->setValue(120);
            dialog->findChild<QSpinBox *>(QStringLiteral("blockerCrit"))->setValue(60); // < warn
            dialog->findChild<QCheckBox *>(QStringLiteral("expiredEnabled"))->setChecked(false);
            dialog->accept();
        });
        tab.thresholdsButton()->click();
        QCOMPARE(monitor.rules().blockerSessions, 5);
        QCOMPARE(monitor.rules().blockerWarnS, 120);
        QCOMPARE(monitor.rules().blockerCritS, 120); // critical never before warning
        QVERIFY(!monitor.rules().expiredEnabled);
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("alerts/blockerSessions")).toInt(), 5);
        Monitor again(dir.filePath(QStringLiteral("h.sqlite")));
        QCOMPARE(again.rules(), monitor.rules());
        QVERIFY(tab.summary()->text().contains(QLatin1String("5 or more")));
        monitor.flush();
        again.flush();
    }
};

QTEST_MAIN(TestAlerts)
#include "tst_alerts.moc"
