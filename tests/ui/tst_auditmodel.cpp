// The Activity tab's model: what any role wrote into the audit log is shown
// with its control characters visible, never passed to the view as themselves;
// the raw value (sorting, filtering) and exports keep the exact text.
#include "activity/audittablemodel.h"
#include "common/exporter.h"
#include "common/rowdiff.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace lockscope;
using namespace lockscope::ui;

class TestAuditModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void controlCharactersAreShown() {
        AuditTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        AuditEntry e;
        e.id = 1;
        e.at = 1'800'000'000.0;
        e.dbUser = QStringLiteral("lockscope_ro");
        e.osHost = QStringLiteral("127.0.0.1"); // a refusal the database recorded: no OS user
        e.tool = QStringLiteral("lockctl");
        e.action = QStringLiteral("force-release");
        e.target = QStringLiteral("jobs/\x1b[2Jwiped\rx");
        e.outcome = QStringLiteral("refused\x1b[0m");
        e.detail = QStringLiteral("line one\nline two");
        const QList<AuditEntry> rows{e};
        model.apply(rows,
                    RowDiff::compute(model.rows(), rows, [](const AuditEntry &a) { return a.id; }));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, AuditTableModel::Target).data().toString(),
                 QStringLiteral("jobs/\\x1b[2Jwiped\\rx"));
        QCOMPARE(model.index(0, AuditTableModel::Outcome).data().toString(),
                 QStringLiteral("refused\\x1b[0m"));
        QCOMPARE(model.index(0, AuditTableModel::Detail).data().toString(),
                 QStringLiteral("line one⏎line two"));
        QCOMPARE(model.index(0, AuditTableModel::OsUser).data().toString(),
                 QStringLiteral("127.0.0.1"));
        QCOMPARE(model.index(0, AuditTableModel::Target).data(Qt::UserRole).toString(), e.target);
        QCOMPARE(model.index(0, AuditTableModel::Target).data(Exporter::ExportRole).toString(),
                 e.target);
        QCOMPARE(model.index(0, AuditTableModel::When).data().toString().size(), 19);
    }
};

QTEST_MAIN(TestAuditModel)
#include "tst_auditmodel.moc"
