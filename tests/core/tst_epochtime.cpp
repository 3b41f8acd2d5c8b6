// Epoch seconds (acquired_at, expires_at, audit times) as people read them.
// Other programs write these columns: a value that is not a finite number is
// named, one outside the years 1 to 9999 is shown as a number, neither is cast.
#include "base/epochtime.h"

#include <QTest>

using namespace lockscope;

class TestEpochTime final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formatsEpochSafely() {
        QCOMPARE(EpochTime::format(qQNaN()), QStringLiteral("invalid (NaN)"));
        QCOMPARE(EpochTime::format(qInf()), QStringLiteral("invalid (Infinity)"));
        QCOMPARE(EpochTime::format(-qInf(), false), QStringLiteral("invalid (-Infinity)"));
        QCOMPARE(EpochTime::format(1e300), QStringLiteral("epoch 1e+300"));
        QCOMPARE(EpochTime::format(-1e300), QStringLiteral("epoch -1e+300"));
        QCOMPARE(EpochTime::nonFiniteName(12.5), QString());
        const QString text = EpochTime::format(1'800'000'000.25);
        QCOMPARE(text.size(), 23); // yyyy-MM-dd HH:mm:ss.zzz, in local time
        QVERIFY2(text.endsWith(QLatin1String(":00.250")), qPrintable(text));
        QCOMPARE(EpochTime::format(1'800'000'000.25, false).size(), 19);
    }
};

QTEST_GUILESS_MAIN(TestEpochTime)
#include "tst_epochtime.moc"
