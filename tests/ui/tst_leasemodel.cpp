// The lease model and its proxy as snapshots arrive: incremental signals only,
// selection kept, nothing emitted when nothing changed, countdown by the
// database clock.
#include "common/exporter.h"
#include "common/rowdiff.h"
#include "leases/leasefilterproxy.h"
#include "leases/leasetablemodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace lockscope;
using namespace lockscope::ui;

namespace {

const double kNow = 1'800'000'000.0; // the database clock in these tests

LeaseRow lease(const QString &key, double expiresIn, const QString &token = QStringLiteral("t")) {
    LeaseRow r;
    r.key = key;
    r.token = token;
    r.acquiredAt = kNow - 1;
    r.expiresAt = kNow + expiresIn;
    return r;
}

QString keyOf(const LeaseRow &r) {
    return r.key;
}

// Feeds `rows` to the model the way the refresher does: sort, diff, apply.
void feed(LeaseTableModel &model, QList<LeaseRow> rows) {
    RowDiff::sort(rows, keyOf);
    const RowDiffPlan plan = RowDiff::compute(model.rows(), rows, keyOf);
    model.apply(rows, plan);
}

struct Fixture {
    LeaseTableModel model;
    LeaseFilterProxy proxy;
    QAbstractItemModelTester modelTester{&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester proxyTester{&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest};
    Fixture() {
        proxy.setSourceModel(&model);
        proxy.sort(LeaseTableModel::Key);
        model.setLocalClock([] { return qint64(kNow * 1000); });
        model.setClockOffset(0);
    }
};

} // namespace

class TestLeaseModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rowsArriveLeaveAndChange() {
        Fixture f;
        feed(f.model, {lease(QStringLiteral("b"), 10), lease(QStringLiteral("d"), 10)});
        QCOMPARE(f.model.rowCount(), 2);

        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&f.model, &QAbstractItemModel::modelReset);
        feed(f.model, {lease(QStringLiteral("a"), 10), lease(QStringLiteral("b"), 20),
                       lease(QStringLiteral("c"), 10)});
        QCOMPARE(removed.size(), 1);  // d left
        QCOMPARE(inserted.size(), 2); // a and c arrived (two separate places)
        QCOMPARE(changed.size(), 1);  // b changed
        QCOMPARE(resets.size(), 0);
        QCOMPARE(f.model.rowAt(1).expiresAt, kNow + 20);
        QStringList keys;
        for (const LeaseRow &r : f.model.rows())
            keys << r.key;
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));

        feed(f.model, {}); // an empty snapshot
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.proxy.rowCount(), 0);
        QCOMPARE(resets.size(), 0);
    }

    void tenThousandRows() {
        Fixture f;
        QList<LeaseRow> rows;
        for (int i = 0; i < 10'000; ++i)
            rows << lease(QStringLiteral("job/%1").arg(i, 5, 10, QLatin1Char('0')), i % 50 - 10);
        feed(f.model, rows);
        QCOMPARE(f.model.rowCount(), 10'000);
        QCOMPARE(f.proxy.rowCount(), 10'000);
        // 1 % changes, 1 % leaves, 1 % arrives.
        QList<LeaseRow> next;
        for (int i = 0; i < 10'000; ++i) {
            if (i % 100 == 1)
                continue;
            LeaseRow r = rows.at(i);
            if (i % 100 == 2)
                r.expiresAt += 30;
            next << r;
        }
        for (int i = 0; i < 100; ++i)
            next << lease(QStringLiteral("new/%1").arg(i), 5);
        QSignalSpy resets(&f.model, &QAbstractItemModel::modelReset);
        feed(f.model, next);
        QCOMPARE(f.model.rowCount(), 10'000);
        QCOMPARE(resets.size(), 0);
        f.proxy.setStateFilter(LeaseFilterProxy::StateFilter::Expired);
        QVERIFY(f.proxy.rowCount() > 0);
        QVERIFY(f.proxy.rowCount() < 10'000);
    }

    void selectionSurvivesRefresh() {
        Fixture f;
        feed(f.model, {lease(QStringLiteral("a"), 10), lease(QStringLiteral("b"), 10),
                       lease(QStringLiteral("c"), 10)});
        QItemSelectionModel selection(&f.proxy);
        selection.select(f.proxy.index(1, 0),
                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(selection.selectedRows().first().data().toString(), QStringLiteral("b"));
        // Other rows change, one arrives before it, one leaves.
        feed(f.model, {lease(QStringLiteral("0"), 10), lease(QStringLiteral("a"), 99),
                       lease(QStringLiteral("b"), 10)});
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data().toString(), QStringLiteral("b"));
    }

    void unchangedRefreshEmitsNothing() {
        Fixture f;
        const QList<LeaseRow> rows{lease(QStringLiteral("a"), 10), lease(QStringLiteral("b"), -3)};
        feed(f.model, rows);
        QSignalSpy any(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy layout(&f.model, &QAbstractItemModel::layoutChanged);
        feed(f.model, rows);
        QCOMPARE(any.size() + inserted.size() + removed.size() + layout.size(), 0);
    }

    // Remaining follows the database clock, not the local one: a client whose
    // clock runs 1 hour fast still shows 30 s left.
    void countdownFollowsDatabaseClock() {
        Fixture f;
        qint64 localMs = qint64((kNow + 3600) * 1000); // local clock an hour ahead
        f.model.setLocalClock([&] { return localMs; });
        f.model.setClockOffset(-3600); // measured at the refresh: db = local - 3600 s
        feed(f.model, {lease(QStringLiteral("k"), 30)});
        const QModelIndex remaining = f.model.index(0, LeaseTableModel::Remaining);
        QVERIFY(qAbs(remaining.data(LeaseTableModel::RemainingRole).toDouble() - 30) < 1e-6);
        QCOMPARE(remaining.data().toString(), QStringLiteral("30.0 s"));
        QCOMPARE(f.model.index(0, LeaseTableModel::State).data().toString(),
                 QStringLiteral("● held"));

        localMs += 27'000; // 27 s later
        QSignalSpy ticked(&f.model, &QAbstractItemModel::dataChanged);
        f.model.tick(0, 0);
        QCOMPARE(ticked.size(), 1);
        QCOMPARE(ticked.first().at(0).value<QModelIndex>().column(), int(LeaseTableModel::State));
        QCOMPARE(ticked.first().at(1).value<QModelIndex>().column(),
                 int(LeaseTableModel::Remaining));
        QCOMPARE(remaining.data().toString(), QStringLiteral("3.0 s"));
        QCOMPARE(f.model.index(0, LeaseTableModel::State).data().toString(),
                 QStringLiteral("◐ expiring"));
        localMs += 5'000;
        QCOMPARE(remaining.data().toString(), QStringLiteral("2.0 s ago"));
        QCOMPARE(f.model.index(0, LeaseTableModel::State).data().toString(),
                 QStringLiteral("✕ expired"));
        QCOMPARE(f.model.heldCount(), 0);
    }

    void filterIsGlobOrText() {
        Fixture f;
        LeaseRow other = lease(QStringLiteral("mail/send"), 10);
        other.owner = QStringLiteral("worker-7:12:ab");
        feed(f.model,
             {lease(QStringLiteral("jobs/1"), 10), lease(QStringLiteral("jobs/2"), -1), other});
        f.proxy.setFilterText(QStringLiteral("jobs/*"));
        QCOMPARE(f.proxy.rowCount(), 2);
        f.proxy.setFilterText(QStringLiteral("WORKER-7")); // text: any field, any case
        QCOMPARE(f.proxy.rowCount(), 1);
        f.proxy.setFilterText(QStringLiteral("' OR 1=1 --"));
        QCOMPARE(f.proxy.rowCount(), 0);
        f.proxy.setFilterText(QString());
        f.proxy.setStateFilter(LeaseFilterProxy::StateFilter::Held);
        QCOMPARE(f.proxy.rowCount(), 2);
    }

    // Expiries other programs wrote that are not finite numbers: a state of
    // their own (a symbol and text), no date made up from the number, neither
    // held nor expired, and an unchanged refresh is still no change.
    void invalidExpiryHasItsOwnState() {
        Fixture f;
        LeaseRow nan = lease(QStringLiteral("nan"), 0);
        nan.expiresAt = qQNaN();
        LeaseRow inf = lease(QStringLiteral("inf"), 0);
        inf.expiresAt = qInf();
        LeaseRow minusInf = lease(QStringLiteral("minus-inf"), 0);
        minusInf.expiresAt = -qInf();
        const QList<LeaseRow> rows{nan, inf, minusInf, lease(QStringLiteral("held"), 30),
                                   lease(QStringLiteral("gone"), -5)};
        feed(f.model, rows);
        const QList<std::pair<QString, QString>> expected{
            {QStringLiteral("inf"), QStringLiteral("invalid (Infinity)")},
            {QStringLiteral("minus-inf"), QStringLiteral("invalid (-Infinity)")},
            {QStringLiteral("nan"), QStringLiteral("invalid (NaN)")}};
        for (const auto &[key, expiry] : expected) {
            int row = -1;
            for (int r = 0; r < f.model.rowCount(); ++r) {
                if (f.model.rowAt(r).key == key)
                    row = r;
            }
            QVERIFY(row >= 0);
            QCOMPARE(f.model.index(row, LeaseTableModel::State).data().toString(),
                     QStringLiteral("⚠ invalid"));
            QCOMPARE(f.model.index(row, LeaseTableModel::Remaining).data().toString(),
                     QStringLiteral("—"));
            QCOMPARE(f.model.index(row, LeaseTableModel::ExpiresAt).data().toString(), expiry);
            QVERIFY(f.model.index(row, LeaseTableModel::State)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QLatin1String("never expires")));
        }
        QCOMPARE(f.model.heldCount(), 1);
        f.proxy.setStateFilter(LeaseFilterProxy::StateFilter::Held);
        QCOMPARE(f.proxy.rowCount(), 1);
        QCOMPARE(f.proxy.index(0, LeaseTableModel::Key).data().toString(), QStringLiteral("held"));
        f.proxy.setStateFilter(LeaseFilterProxy::StateFilter::Expired);
        QCOMPARE(f.proxy.rowCount(), 1);
        QCOMPARE(f.proxy.index(0, LeaseTableModel::Key).data().toString(), QStringLiteral("gone"));
        f.proxy.setStateFilter(LeaseFilterProxy::StateFilter::All);
        f.proxy.sort(LeaseTableModel::Remaining); // sorts although NaN has no order
        QCOMPARE(f.proxy.rowCount(), 5);

        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        feed(f.model, rows);
        QCOMPARE(changed.size(), 0);
    }

    // Every column sorts in the order of the model's SortRole (the proxy
    // compares the rows directly, for speed: it must agree), invalid expiries,
    // NULL acquired_at and unfenced rows included, both directions.
    void everyColumnSortsBySortRole() {
        Fixture f;
        QList<LeaseRow> rows;
        for (int i = 0; i < 40; ++i) {
            LeaseRow r = lease(QStringLiteral("k/%1").arg((i * 17) % 40), (i * 7) % 23 - 9,
                               QStringLiteral("tok/%1").arg((i * 13) % 40));
            r.owner = i % 3 == 0 ? QString() : QStringLiteral("owner-%1").arg(i % 5);
            r.acquiredAt = i % 6 == 0 ? qQNaN() : kNow - (i % 11);
            if (i % 4 != 0)
                r.fence = (i * 31) % 17;
            if (i % 9 == 0)
                r.expiresAt = i % 2 ? qInf() : qQNaN();
            rows << r;
        }
        feed(f.model, rows);
        for (int column = 0; column < LeaseTableModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                f.proxy.sort(column, order);
                for (int row = 1; row < f.proxy.rowCount(); ++row) {
                    const QVariant a =
                        f.proxy.index(row - 1, column).data(LeaseTableModel::SortRole);
                    const QVariant b = f.proxy.index(row, column).data(LeaseTableModel::SortRole);
                    const auto cmp = QVariant::compare(a, b);
                    const bool inOrder = order == Qt::AscendingOrder
                                             ? cmp != QPartialOrdering::Greater
                                             : cmp != QPartialOrdering::Less;
                    QVERIFY2(inOrder, qPrintable(QStringLiteral("column %1, row %2: %3 then %4")
                                                     .arg(column)
                                                     .arg(row)
                                                     .arg(a.toString(), b.toString())));
                }
            }
        }
    }

    // Keys and tokens from any writer: control characters are shown, never
    // passed to the view as themselves; exports keep the exact text.
    void controlCharactersAreShown() {
        Fixture f;
        const QString key = QStringLiteral("jobs/\x1b[2J\r\n\u202e");
        const QString token = QStringLiteral("tok\x1b]0;x\x07");
        feed(f.model, {lease(key, 30, token)});
        QCOMPARE(f.model.index(0, LeaseTableModel::Key).data().toString(),
                 QStringLiteral("jobs/\\x1b[2J\\r⏎\\u202e"));
        QCOMPARE(f.model.index(0, LeaseTableModel::Owner).data().toString(),
                 QStringLiteral("tok\\x1b]0;x\\x07"));
        QCOMPARE(f.model.index(0, LeaseTableModel::Token).data().toString(),
                 QStringLiteral("tok\\x1b]0;x\\x07"));
        QCOMPARE(f.model.index(0, LeaseTableModel::Key).data(Exporter::ExportRole).toString(), key);
        QCOMPARE(f.model.index(0, LeaseTableModel::Token).data(Exporter::ExportRole).toString(),
                 token);
        QCOMPARE(f.model.index(0, LeaseTableModel::Key).data(LeaseTableModel::KeyRole).toString(),
                 key);
    }

    void diffPlanShapes() {
        auto key = [](const QString &s) {
            return s;
        };
        const QStringList before{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                 QStringLiteral("d")};
        const QStringList after{QStringLiteral("b"), QStringLiteral("bb"), QStringLiteral("d"),
                                QStringLiteral("e"), QStringLiteral("f")};
        const RowDiffPlan plan = RowDiff::compute(before, after, key);
        QCOMPARE(plan.removals.size(), 2); // a, c
        QCOMPARE(plan.removals.at(0).first, 0);
        QCOMPARE(plan.removals.at(1).first, 2);
        QCOMPARE(plan.insertions.size(), 2); // bb at 1, e..f at 3..4
        QCOMPARE(plan.insertions.at(1).first, 3);
        QCOMPARE(plan.insertions.at(1).last, 4);
        QVERIFY(plan.changes.isEmpty());
    }
};

QTEST_MAIN(TestLeaseModel)
#include "tst_leasemodel.moc"
