// Numbers cross the wire as text; under a locale whose decimal separator is a
// comma (de_DE.UTF-8, as on many users' machines) they must still be read
// exactly: by the library (the libpq fast path, QSQLITE) and by lockctl.
#include "db/database.h"
#include "lease/leasemanager.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

#include <clocale>
#include <cmath>
#include <cstdlib>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

bool hasFraction(double v) {
    return std::isfinite(v) && v != std::floor(v);
}

} // namespace

class TestLocale final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        qputenv("LC_ALL", "de_DE.UTF-8"); // for the lockctl children too
        if (!std::setlocale(LC_ALL, "de_DE.UTF-8")) {
            const QString why = QStringLiteral(
                "the de_DE.UTF-8 locale is not installed (scripts/test generates it with "
                "localedef)");
            if (test::TestDb::ciMode())
                QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
        // The control: in this locale the C library reads "0.5" as 0, so a
        // parser that follows LC_NUMERIC loses every fraction.
        QCOMPARE(std::strtod("0.5", nullptr), 0.0);
    }

    // The times a lease reports are the database's, to the fraction.
    void leaseTimesKeepTheirFraction_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void leaseTimesKeepTheirFraction() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseConfig config;
        config.ttl = 1500ms;
        LeaseManager manager(params, config);
        auto lease = manager.tryLock(QStringLiteral("locale/key"));
        QVERIFY2(lease.ok(), qPrintable(lease.ok() ? QString() : lease.error().message));
        QVERIFY2(hasFraction(lease->acquiredAt()),
                 qPrintable(QString::number(lease->acquiredAt(), 'f', 6)));
        QVERIFY(qAbs(lease->expiresAt() - lease->acquiredAt() - 1.5) < 1e-6);

        ScopedConnection conn(params, QStringLiteral("check"));
        QSqlQuery q(conn.db());
        QVERIFY(q.exec(QStringLiteral("SELECT acquired_at, expires_at FROM aggregate_locks")));
        QVERIFY(q.next());
        QCOMPARE(lease->acquiredAt(), q.value(0).toDouble());
        QCOMPARE(lease->expiresAt(), q.value(1).toDouble());

        auto renewed = lease->renew(2500ms);
        QVERIFY(renewed.ok());
        QVERIFY(lease->release().ok());
    }

    // lockctl under the same locale prints the database's times exactly.
    void lockctlPrintsExactTimes_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void lockctlPrintsExactTimes() {
        LOCKSCOPE_FRESH_DB(params);
        const auto r = test::LockctlProcess::run(
            test::TestDb::urlFor(params),
            {QStringLiteral("acquire"), QStringLiteral("locale/cli"), QStringLiteral("--ttl"),
             QStringLiteral("1.5s"), QStringLiteral("--hold"), QStringLiteral("0")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const double acquired = o.value(QStringLiteral("acquired_at")).toDouble();
        const double expires = o.value(QStringLiteral("expires_at")).toDouble();
        QVERIFY2(hasFraction(acquired), qPrintable(r.out));
        QVERIFY2(qAbs(expires - acquired - 1.5) < 1e-6, qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestLocale)
#include "tst_locale.moc"
