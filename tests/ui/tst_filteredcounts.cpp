// The Leases tab's counts and the history's samples never depend on the
// table's filter: the real window on SQLite and PostgreSQL, a filter that
// hides every row, then leases that come and expire behind it (another
// program's INSERT/UPDATE). The table stays empty while the status bar's held
// and expired counts and the samples the history records follow the table's
// rows. Before the fix a refresh whose shown rows compared equal (none against
// none) handed the older view on, with its rows and counts, and the sample was
// built from those; the empty state's "N leases are hidden" kept its first
// count. Saves a screenshot.
#include "common/emptystate.h"
#include "inspector/inspectorrefresher.h"
#include "leases/leasestab.h"
#include "leases/leasetablemodel.h"
#include "monitor/monitor.h"
#include "support/testdb.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace lockscope;
using namespace lockscope::ui;

namespace {

QString now(const ConnectionParams &p) {
    return p.isSqlite() ? QStringLiteral("((julianday('now') - 2440587.5) * 86400.0)")
                        : QStringLiteral("extract(epoch FROM clock_timestamp())");
}

} // namespace

class TestFilteredCounts final : public QObject {
    Q_OBJECT

    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }

    void countsAndSamplesIgnoreTheFilter_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void countsAndSamplesIgnoreTheFilter() {
        LOCKSCOPE_FRESH_DB(params);
        const QString t = now(params);
        QVERIFY(test::TestDb::exec(
            params, QStringLiteral("INSERT INTO aggregate_locks VALUES ('jobs/a', 'ta', %1, %1 "
                                   "+ 600), ('jobs/b', 'tb', %1 - 60, %1 - 30)")
                        .arg(t)));

        MainWindow w;
        w.resize(1100, 600);
        w.show();
        LeaseTableModel *model = w.leaseModel();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<MonitorSample> samples;
        connect(w.monitor(), &Monitor::sampled, this,
                [&samples](const MonitorSample &s) { samples.append(s); });
        QSignalSpy connected(&w, &MainWindow::connected);
        w.connectTo(params, QString(), false);
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), 2, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!samples.isEmpty(), 20000);
        QCOMPARE(samples.last().heldLeases, 1);
        QCOMPARE(samples.last().expiredLeases, 1);

        // A filter that hides every row.
        w.leasesTab()->filterEdit()->setText(QStringLiteral("no-such-lease"));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 20000);
        QVERIFY(w.leasesTab()->showsEmptyState());

        // Behind it: two more held leases, and 'jobs/a' expires.
        QVERIFY(test::TestDb::exec(
            params, QStringLiteral("INSERT INTO aggregate_locks VALUES ('jobs/c', 'tc', %1, %1 "
                                   "+ 600), ('jobs/d', 'td', %1, %1 + 600), ('jobs/e', 'te', %1, "
                                   "%1 + 600)")
                        .arg(t)));
        QVERIFY(test::TestDb::exec(params,
                                   QStringLiteral("UPDATE aggregate_locks SET expires_at = %1 - 5 "
                                                  "WHERE lock_key = 'jobs/a'")
                                       .arg(t)));
        QSignalSpy refreshed(w.refresher(), &InspectorRefresher::refreshed);
        // Two refreshes after the change: the first may have been under way.
        for (int i = 0; i < 2; ++i) {
            refreshed.clear();
            w.refresher()->refreshNow();
            QVERIFY(refreshed.wait(20000));
        }
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(model->totalCount(), 5);
        QCOMPARE(model->heldCount(), 3);
        const QString status = w.statusLabel()->text();
        QVERIFY2(status.startsWith(QLatin1String("3 held, 2 expired")), qPrintable(status));
        QCOMPARE(samples.last().heldLeases, 3);
        QCOMPARE(samples.last().expiredLeases, 2);
        // The empty state counts what the filter hides now.
        auto *empty = w.leasesTab()->findChild<EmptyState *>();
        QVERIFY(empty);
        QVERIFY(w.leasesTab()->showsEmptyState());
        QVERIFY2(empty->text().startsWith(QLatin1String("5 lease")), qPrintable(empty->text()));

        // Everything goes: the counts say 0, the filter still hides nothing.
        QVERIFY(test::TestDb::exec(params, QStringLiteral("DELETE FROM aggregate_locks")));
        for (int i = 0; i < 2; ++i) {
            refreshed.clear();
            w.refresher()->refreshNow();
            QVERIFY(refreshed.wait(20000));
        }
        QCOMPARE(model->totalCount(), 0);
        QCOMPARE(samples.last().heldLeases, 0);
        QCOMPARE(samples.last().expiredLeases, 0);
        QVERIFY2(w.statusLabel()->text().startsWith(QLatin1String("0 held, 0 expired")),
                 qPrintable(w.statusLabel()->text()));

        // And back: rows again behind the filter, for the screenshot.
        QVERIFY(test::TestDb::exec(
            params,
            QStringLiteral("INSERT INTO aggregate_locks VALUES ('jobs/f', 'tf', %1, %1 + 600)")
                .arg(t)));
        refreshed.clear();
        w.refresher()->refreshNow();
        QVERIFY(refreshed.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(model->heldCount(), 1, 20000);
        QCOMPARE(model->rowCount(), 0);
        w.grab().save(
            test::TestDb::artifactPath(QStringLiteral("filtered-counts-%1.png")
                                           .arg(QString::fromLatin1(QTest::currentDataTag()))));
    }
};

QTEST_MAIN(TestFilteredCounts)

#include "tst_filteredcounts.moc"
