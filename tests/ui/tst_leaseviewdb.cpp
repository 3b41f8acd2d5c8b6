// The Leases table sorted and filtered against a real SQLite file and a real
// PostgreSQL table whose rows another program (the sqlite3 shell, psql) wrote
// with odd values: upper case and non-ASCII keys, a control character, tokens
// of other programs, NaN and ±Infinity expiries, text where a time belongs,
// fences. The real refresher reads them (its first rows arrive early: more
// than 2000 rows); every sort and filter runs on the model's worker. Sorting is
// checked against the model's SortRole for every column both ways, filtering
// against the database's own count of matching rows, and the selection
// against a refresh that moves, adds and removes rows around it.
#include "activity/audittablemodel.h"
#include "advisory/advisorytablemodel.h"
#include "inspector/inspectorrefresher.h"
#include "leases/leasetablemodel.h"
#include "support/testdb.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace lockscope;
using namespace lockscope::ui;
using namespace lockscope::test;

namespace {

constexpr int kRows = 2500;

// Runs SQL through the database's own command-line shell (another program);
// returns its output, trimmed, or nothing on failure.
std::optional<QString> shell(const ConnectionParams &p, const QString &sql) {
    QProcess proc;
    if (p.isSqlite())
        proc.start(QStringLiteral("sqlite3"), {p.sqlitePath, sql});
    else
        proc.start(QStringLiteral("psql"),
                   {TestDb::urlFor(p), QStringLiteral("-X"), QStringLiteral("-v"),
                    QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-qAtc"), sql});
    if (!proc.waitForFinished(60'000) || proc.exitCode() != 0) {
        qWarning("%s", proc.readAllStandardError().constData());
        return std::nullopt;
    }
    return QString::fromUtf8(proc.readAllStandardOutput()).trimmed();
}

QString nowSql(const ConnectionParams &p) {
    return p.isSqlite() ? QStringLiteral("((julianday('now') - 2440587.5) * 86400.0)")
                        : QStringLiteral("extract(epoch from now())");
}

// Odd rows, written by the shell.
bool writeOddRows(const ConnectionParams &p) {
    const QString now = nowSql(p);
    const QString series =
        p.isSqlite() ? QStringLiteral("(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT "
                                      "i + 1 FROM s WHERE i < %1) SELECT i FROM s)")
                           .arg(kRows)
                     : QStringLiteral("generate_series(1, %1) AS g(i)").arg(kRows);
    const QString random32 = p.isSqlite() ? QStringLiteral("lower(hex(randomblob(16)))")
                                          : QStringLiteral("md5(i::text)");
    const QString nan = p.isSqlite() ? QStringLiteral("'soon'") : QStringLiteral("'NaN'::float8");
    const QString inf =
        p.isSqlite() ? QStringLiteral("9e999") : QStringLiteral("'Infinity'::float8");
    const QString acquiredNan =
        p.isSqlite() ? QStringLiteral("%1 - 5").arg(now) : QStringLiteral("'NaN'::float8");
    const QString sql =
        QStringLiteral(
            "INSERT INTO aggregate_locks (lock_key, owner_token, acquired_at, expires_at) "
            "SELECT CASE WHEN i %% 7 = 0 THEN 'JOB/' || i WHEN i %% 11 = 0 THEN 'jöb/ß/' || i "
            "ELSE 'job/' || i END, "
            "CASE WHEN i %% 3 = 0 THEN 'ext-' || (i %% 50) ELSE 'svc-' || (i %% 5) || ':' || i || "
            "'/' || %2 END, "
            "CASE WHEN i %% 13 = 0 THEN %6 ELSE %1 - (i %% 17) END, "
            "CASE WHEN i %% 97 = 0 THEN %3 WHEN i %% 89 = 0 THEN %4 WHEN i %% 83 = 0 THEN -%4 "
            "WHEN i %% 2 = 0 THEN %1 + 120 + i ELSE %1 - 120 - i END FROM %5; "
            "INSERT INTO aggregate_locks VALUES ('ctl/' || char(27) || '[2J', 'ext-ctl', %1, %1 + "
            "600); "
            "INSERT INTO lockscope_fences (lock_key, last_fence, owner_token) SELECT lock_key, "
            "length(owner_token) * 7 %% 23, owner_token FROM aggregate_locks WHERE owner_token "
            "LIKE 'svc-1%%' OR owner_token LIKE 'ext-1%%'")
            .arg(now, random32, nan, inf, series, acquiredNan)
            .replace(QStringLiteral("%%"), QStringLiteral("%"));
    QString pgSql = sql;
    if (!p.isSqlite())
        pgSql.replace(QStringLiteral("char(27)"), QStringLiteral("chr(27)"));
    return shell(p, pgSql).has_value();
}

// How many rows the database itself finds for a filter text (ASCII, any case,
// in the key or the token; the owner is part of the token).
int sqlMatches(const ConnectionParams &p, const QString &text) {
    // (The quote doubled: this oracle is the test's SQL, not LockScope's.)
    const QString find = p.isSqlite() ? QStringLiteral("instr") : QStringLiteral("strpos");
    return shell(p, QStringLiteral("SELECT count(*) FROM aggregate_locks WHERE %1(lower(lock_key), "
                                   "'%2') > 0 OR %1(lower(owner_token), '%2') > 0")
                        .arg(find, text.toLower().replace(QLatin1Char('\''), QStringLiteral("''"))))
        .value_or(QString())
        .toInt();
}

int sqlStates(const ConnectionParams &p, bool held) {
    const QString now = nowSql(p);
    const QString valid = p.isSqlite() ? QStringLiteral("typeof(expires_at) IN ('real', 'integer') "
                                                        "AND abs(expires_at) < 9e999")
                                       : QStringLiteral("expires_at <> 'NaN' AND abs(expires_at) "
                                                        "<> 'Infinity'");
    return shell(p,
                 QStringLiteral("SELECT count(*) FROM aggregate_locks WHERE %1 AND expires_at %2 "
                                "%3")
                     .arg(valid, held ? QStringLiteral(">") : QStringLiteral("<="), now))
        .value_or(QString())
        .toInt();
}

bool settled(const LeaseTableModel &model) {
    return !model.isBuilding() && model.view()->spec == model.spec() && model.isRevealed();
}

void verifySorted(const LeaseTableModel &model, int column, Qt::SortOrder order) {
    for (int row = 1; row < model.rowCount(); ++row) {
        const QVariant a = model.index(row - 1, column).data(LeaseTableModel::SortRole);
        const QVariant b = model.index(row, column).data(LeaseTableModel::SortRole);
        const auto cmp = QVariant::compare(a, b);
        QVERIFY2(order == Qt::AscendingOrder ? cmp != QPartialOrdering::Greater
                                             : cmp != QPartialOrdering::Less,
                 qPrintable(QStringLiteral("column %1 row %2: %3 then %4")
                                .arg(column)
                                .arg(row)
                                .arg(a.toString(), b.toString())));
    }
}

} // namespace

class TestLeaseViewDb final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sortFilterAndSelection_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void sortFilterAndSelection() {
        LOCKSCOPE_FRESH_DB(params);
        QVERIFY(writeOddRows(params));
        const int total = shell(params, QStringLiteral("SELECT count(*) FROM aggregate_locks"))
                              .value_or(QString())
                              .toInt();
        QCOMPARE(total, kRows + 1);

        LeaseTableModel leases;
        leases.setInlineLimit(0); // every sort and filter on the model's worker
        QAbstractItemModelTester tester(&leases,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        AdvisoryTableModel advisory;
        AuditTableModel audit;
        InspectorRefresher refresher(&leases, &advisory, &audit);
        refresher.setPaused(true);
        QSignalSpy first(&refresher, &InspectorRefresher::firstRowsShown);
        QSignalSpy refreshed(&refresher, &InspectorRefresher::refreshed);
        refresher.setConnection(params);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() == 1, 60'000);
        QCOMPARE(first.size(), 1); // the first rows came before all of them
        QTRY_VERIFY(settled(leases));
        QCOMPARE(leases.rowCount(), total);
        QVERIFY(leases.invalidCount() > 0);

        // Every column, both ways.
        for (int column = 0; column < LeaseTableModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                leases.sort(column, order);
                QTRY_VERIFY(settled(leases));
                QCOMPARE(leases.rowCount(), total);
                verifySorted(leases, column, order);
            }
        }
        // Filters, against the database's count.
        for (const QString &text :
             {QStringLiteral("job/1"), QStringLiteral("JOB/2"), QStringLiteral("ext-1"),
              QStringLiteral("SVC-3:"), QStringLiteral("' or 1=1 --"), QStringLiteral("ß")}) {
            leases.setFilterText(text);
            QTRY_VERIFY(settled(leases));
            if (text != QStringLiteral("ß"))
                QCOMPARE(leases.rowCount(), sqlMatches(params, text));
            for (int r = 0; r < leases.rowCount(); ++r) {
                const LeaseRow &row = leases.rowAt(r);
                QVERIFY(row.key.contains(text, Qt::CaseInsensitive) ||
                        row.token.contains(text, Qt::CaseInsensitive));
            }
        }
        QVERIFY(leases.rowCount() > 0); // ß: the non-ASCII keys
        leases.setFilterText(QString());
        for (const bool held : {true, false}) {
            leases.setStateFilter(held ? LeaseViewSpec::StateFilter::Held
                                       : LeaseViewSpec::StateFilter::Expired);
            QTRY_VERIFY(settled(leases));
            QCOMPARE(leases.rowCount(), sqlStates(params, held));
        }
        leases.setStateFilter(LeaseViewSpec::StateFilter::All);

        // Selection survives a refresh that reorders, adds and removes rows
        // (sorted by time left, so renewals move rows around it).
        leases.sort(LeaseTableModel::Remaining, Qt::DescendingOrder);
        QTRY_VERIFY(settled(leases));
        QItemSelectionModel selection(&leases);
        const QString picked = QStringLiteral("job/500");
        const int pickedRow = leases.view()->tableRowOf(picked);
        QVERIFY(pickedRow >= 0);
        selection.setCurrentIndex(leases.index(pickedRow, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(shell(params, QStringLiteral("UPDATE aggregate_locks SET expires_at = expires_at "
                                             "+ 5000 WHERE lock_key IN ('job/2', 'job/4', "
                                             "'job/8'); DELETE FROM aggregate_locks WHERE "
                                             "lock_key = 'job/10'; INSERT INTO aggregate_locks "
                                             "VALUES ('aaa/new', 'ext-new', %1, %1 + 99999)")
                                  .arg(nowSql(params)))
                    .has_value());
        refresher.refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() == 2, 60'000);
        QTRY_VERIFY(settled(leases));
        QCOMPARE(leases.rowCount(), total);
        const int arrived = leases.view()->tableRowOf(QStringLiteral("aaa/new"));
        QVERIFY(arrived >= 0);
        QVERIFY(arrived < leases.view()->tableRowOf(picked));       // more time left: above it
        QCOMPARE(leases.view()->tableRowOf(picked), pickedRow + 4); // it moved
        QCOMPARE(leases.view()->tableRowOf(QStringLiteral("job/10")), -1);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data(LeaseTableModel::KeyRole).toString(),
                 picked);
        QCOMPARE(selection.currentIndex().data(LeaseTableModel::KeyRole).toString(), picked);
    }
};

QTEST_MAIN(TestLeaseViewDb)
#include "tst_leaseviewdb.moc"
