// The lease model (sorted and filtered, no proxy) as snapshots arrive: one
// signal per refresh, selection kept by key, nothing emitted when nothing
// changed, countdown by the database clock; sorting and filtering on the GUI
// thread for small tables and on the model's worker for big ones, with the
// same result.
#include "common/exporter.h"
#include "common/rowdiff.h"
#include "leases/leasetablemodel.h"
#include "leases/leaseview.h"

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

// Feeds `rows` to the model the way the refresher does: sort by key, build
// the view for the model's spec (the worker's part), compare, apply.
void feed(LeaseTableModel &model, QList<LeaseRow> rows) {
    sortLeaseRowsByKey(rows);
    const auto basis = model.view();
    auto next = LeaseView::build(shareLeaseRows(std::move(rows)), kNow, model.spec());
    const LeaseViewChange change = LeaseViewChange::between(*basis, *next);
    model.applyRefresh(change.kind == LeaseViewChange::Kind::None ? basis : next, basis, change);
}

// The model shows what it was asked for (a worker's build has arrived).
bool settled(const LeaseTableModel &model) {
    return !model.isBuilding() && model.view()->spec == model.spec() && model.isRevealed();
}

QStringList shownKeys(const LeaseTableModel &model) {
    QStringList keys;
    for (int r = 0; r < model.rowCount(); ++r)
        keys << model.rowAt(r).key;
    return keys;
}

struct Fixture {
    LeaseTableModel model;
    QAbstractItemModelTester modelTester{&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest};
    Fixture() {
        model.setLocalClock([] { return qint64(kNow * 1000); });
        model.setClockOffset(0);
    }
};

// Rows with every odd value: invalid expiries, NULL acquired_at, unfenced,
// owners only known by their token.
QList<LeaseRow> oddRows(int n) {
    QList<LeaseRow> rows;
    for (int i = 0; i < n; ++i) {
        LeaseRow r = lease(QStringLiteral("k/%1").arg((i * 17) % n), (i * 7) % 23 - 9,
                           QStringLiteral("tok/%1").arg((i * 13) % 40));
        r.owner = i % 3 == 0 ? QString() : QStringLiteral("owner-%1").arg(i % 5);
        r.acquiredAt = i % 6 == 0 ? qQNaN() : kNow - (i % 11);
        if (i % 4 != 0)
            r.fence = (i * 31) % 17;
        if (i % 9 == 0)
            r.expiresAt = i % 2 ? qInf() : qQNaN();
        rows << r;
    }
    return rows;
}

// Every column in the order of the model's SortRole.
void verifySortedBySortRole(const LeaseTableModel &model, int column, Qt::SortOrder order) {
    for (int row = 1; row < model.rowCount(); ++row) {
        const QVariant a = model.index(row - 1, column).data(LeaseTableModel::SortRole);
        const QVariant b = model.index(row, column).data(LeaseTableModel::SortRole);
        const auto cmp = QVariant::compare(a, b);
        const bool inOrder = order == Qt::AscendingOrder ? cmp != QPartialOrdering::Greater
                                                         : cmp != QPartialOrdering::Less;
        QVERIFY2(inOrder, qPrintable(QStringLiteral("column %1, row %2: %3 then %4")
                                         .arg(column)
                                         .arg(row)
                                         .arg(a.toString(), b.toString())));
    }
}

} // namespace

class TestLeaseModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rowsArriveLeaveAndChange() {
        Fixture f;
        feed(f.model, {lease(QStringLiteral("b"), 10), lease(QStringLiteral("d"), 10)});
        QCOMPARE(f.model.rowCount(), 2);

        QSignalSpy layout(&f.model, &QAbstractItemModel::layoutChanged);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&f.model, &QAbstractItemModel::modelReset);
        feed(f.model, {lease(QStringLiteral("a"), 10), lease(QStringLiteral("b"), 20),
                       lease(QStringLiteral("c"), 10)});
        QCOMPARE(layout.size(), 1); // d left, a and c arrived: one layout change
        QCOMPARE(resets.size(), 0);
        // Only b changed, in place: one dataChanged for that row.
        feed(f.model, {lease(QStringLiteral("a"), 10), lease(QStringLiteral("b"), 25),
                       lease(QStringLiteral("c"), 10)});
        QCOMPARE(layout.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(f.model.rowAt(1).expiresAt, kNow + 25);
        QCOMPARE(shownKeys(f.model),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));

        feed(f.model, {}); // an empty snapshot
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.model.totalCount(), 0);
        QCOMPARE(resets.size(), 0);
    }

    void tenThousandRows() {
        Fixture f;
        QList<LeaseRow> rows;
        for (int i = 0; i < 10'000; ++i)
            rows << lease(QStringLiteral("job/%1").arg(i, 5, 10, QLatin1Char('0')), i % 50 - 10);
        feed(f.model, rows);
        QCOMPARE(f.model.rowCount(), 10'000);
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
        f.model.setStateFilter(LeaseViewSpec::StateFilter::Expired);
        QVERIFY(f.model.rowCount() > 0);
        QVERIFY(f.model.rowCount() < 10'000);
        QCOMPARE(f.model.totalCount(), 10'000);
    }

    void selectionSurvivesRefresh() {
        Fixture f;
        feed(f.model, {lease(QStringLiteral("a"), 10), lease(QStringLiteral("b"), 10),
                       lease(QStringLiteral("c"), 10)});
        QItemSelectionModel selection(&f.model);
        selection.select(f.model.index(1, 0),
                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(selection.selectedRows().first().data().toString(), QStringLiteral("b"));
        // Other rows change, one arrives before it, one leaves.
        feed(f.model, {lease(QStringLiteral("0"), 10), lease(QStringLiteral("a"), 99),
                       lease(QStringLiteral("b"), 10)});
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data().toString(), QStringLiteral("b"));
    }

    // A selected row pushed past the old end of the table (rows arrived above
    // it) keeps its selection and stays the current row.
    void selectionFollowsRowPastTheOldEnd() {
        Fixture f;
        feed(f.model, {lease(QStringLiteral("a"), 10), lease(QStringLiteral("c"), 10)});
        QItemSelectionModel selection(&f.model);
        selection.setCurrentIndex(f.model.index(1, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        feed(f.model, {lease(QStringLiteral("a"), 10), lease(QStringLiteral("b"), 10),
                       lease(QStringLiteral("b2"), 10), lease(QStringLiteral("c"), 10)});
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data().toString(), QStringLiteral("c"));
        QCOMPARE(selection.currentIndex().row(), 3);
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
        f.model.setFilterText(QStringLiteral("jobs/*"));
        QCOMPARE(f.model.rowCount(), 2);
        f.model.setFilterText(QStringLiteral("WORKER-7")); // text: any field, any case
        QCOMPARE(f.model.rowCount(), 1);
        f.model.setFilterText(QStringLiteral("' OR 1=1 --"));
        QCOMPARE(f.model.rowCount(), 0);
        f.model.setFilterText(QString());
        f.model.setStateFilter(LeaseViewSpec::StateFilter::Held);
        QCOMPARE(f.model.rowCount(), 2);
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
        QCOMPARE(f.model.invalidCount(), 3);
        f.model.setStateFilter(LeaseViewSpec::StateFilter::Held);
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(f.model.index(0, LeaseTableModel::Key).data().toString(), QStringLiteral("held"));
        f.model.setStateFilter(LeaseViewSpec::StateFilter::Expired);
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(f.model.index(0, LeaseTableModel::Key).data().toString(), QStringLiteral("gone"));
        f.model.setStateFilter(LeaseViewSpec::StateFilter::All);
        f.model.sort(LeaseTableModel::Remaining); // sorts although NaN has no order
        QCOMPARE(f.model.rowCount(), 5);

        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        feed(f.model, rows);
        QCOMPARE(changed.size(), 0);
    }

    // Every column sorts in the order of the model's SortRole (the view
    // compares the rows directly, for speed: it must agree), invalid expiries,
    // NULL acquired_at and unfenced rows included, both directions.
    void everyColumnSortsBySortRole() {
        Fixture f;
        feed(f.model, oddRows(40));
        for (int column = 0; column < LeaseTableModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                f.model.sort(column, order);
                QCOMPARE(f.model.rowCount(), 40);
                verifySortedBySortRole(f.model, column, order);
            }
        }
    }

    // A big table is sorted and filtered on the model's worker: the result is
    // the same as on the GUI thread, arrives with one layout change, and the
    // selection and current row follow their keys.
    void workerSortsAndFiltersLikeTheGuiThread() {
        Fixture f;
        const QList<LeaseRow> rows = oddRows(3000);
        LeaseTableModel inlineModel;
        inlineModel.setLocalClock([] { return qint64(kNow * 1000); });
        feed(inlineModel, rows);
        f.model.setInlineLimit(0); // everything on the worker
        feed(f.model, rows);
        QTRY_VERIFY(settled(f.model));
        QItemSelectionModel selection(&f.model);
        const QString picked = f.model.rowAt(7).key;
        selection.setCurrentIndex(f.model.index(7, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        for (int column = 0; column < LeaseTableModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
                QSignalSpy ready(&f.model, &LeaseTableModel::viewReady);
                f.model.sort(column, order);
                QVERIFY(f.model.isBuilding());
                QTRY_VERIFY(settled(f.model));
                QCOMPARE(ready.size(), 1);
                inlineModel.sort(column, order);
                QCOMPARE(shownKeys(f.model), shownKeys(inlineModel));
                verifySortedBySortRole(f.model, column, order);
                QCOMPARE(selection.currentIndex().data(LeaseTableModel::KeyRole).toString(),
                         picked);
                QCOMPARE(selection.selectedRows().size(), 1);
                QCOMPARE(selection.selectedRows().first().data(LeaseTableModel::KeyRole).toString(),
                         picked);
            }
        }
        // Typing fast: only the last filter counts, whatever was in flight.
        for (const QString &text : {QStringLiteral("o"), QStringLiteral("ow"),
                                    QStringLiteral("owner-1"), QStringLiteral("K/1*")})
            f.model.setFilterText(text);
        f.model.setStateFilter(LeaseViewSpec::StateFilter::Held);
        QTRY_VERIFY(settled(f.model));
        inlineModel.setFilterText(QStringLiteral("K/1*"));
        inlineModel.setStateFilter(LeaseViewSpec::StateFilter::Held);
        QVERIFY(inlineModel.rowCount() > 0);
        QVERIFY(inlineModel.rowCount() < 3000);
        QCOMPARE(shownKeys(f.model), shownKeys(inlineModel));
        for (int r = 0; r < f.model.rowCount(); ++r) {
            QVERIFY(f.model.rowAt(r).key.startsWith(QLatin1String("k/1")));
            QVERIFY(f.model.rowAt(r).isHeldAt(kNow));
        }
    }

    // The first rows of a big load are shown at once, then all of them,
    // revealed to the views in steps of kRevealStep rows.
    void firstRowsThenAllRevealedInSteps() {
        Fixture f;
        QList<LeaseRow> all;
        const int n = LeaseTableModel::kRevealStep * 2 + 10;
        for (int i = 0; i < n; ++i)
            all << lease(QStringLiteral("big/%1").arg(i, 7, 10, QLatin1Char('0')), i % 100);
        f.model.applyRefresh(
            LeaseView::build(shareLeaseRows(all.mid(0, 50)), kNow, f.model.spec(), true),
            f.model.view(), {});
        QCOMPARE(f.model.rowCount(), 50);
        QVERIFY(f.model.isPartial());
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        feed(f.model, all);
        QVERIFY(!f.model.isPartial());
        QCOMPARE(f.model.rowCount(), LeaseTableModel::kRevealStep);
        QTRY_COMPARE(f.model.rowCount(), n);
        QCOMPARE(inserted.size(), 3);
        QCOMPARE(f.model.heldCount(), n - n / 100 - 1); // expires_at = now is not held
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
