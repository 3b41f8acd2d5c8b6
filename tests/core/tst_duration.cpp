// Durations as people type them (parse) and as people read them (format,
// formatRemaining): the words lockctl and the GUI show.
#include "base/duration.h"

#include <QTest>

using namespace lockscope;
using namespace std::chrono_literals;

class TestDuration final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesWhatPeopleType_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("bare seconds") << QStringLiteral("3") << qint64(3000);
        QTest::newRow("ms") << QStringLiteral("250ms") << qint64(250);
        QTest::newRow("fraction") << QStringLiteral("1.5s") << qint64(1500);
        QTest::newRow("minutes") << QStringLiteral("2m") << qint64(120000);
        QTest::newRow("hour, spaces") << QStringLiteral(" 1 h ") << qint64(3600000);
        QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
    }
    void parsesWhatPeopleType() {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto parsed = Duration::parse(text, QStringLiteral("--wait"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->count(), ms);
    }

    void refusesWithASentence_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("negative") << QStringLiteral("-1s");
        QTest::newRow("word") << QStringLiteral("soon");
        QTest::newRow("unknown unit") << QStringLiteral("3d");
        QTest::newRow("over a year") << QStringLiteral("9000h");
        QTest::newRow("empty") << QString();
    }
    void refusesWithASentence() {
        QFETCH(QString, text);
        const auto parsed = Duration::parse(text, QStringLiteral("--wait"));
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(QLatin1String("--wait")),
                 qPrintable(parsed.error().message));
    }

    void formatsRemaining_data() {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << 12.34 << QStringLiteral("12.3 s");
        QTest::newRow("zero") << 0.0 << QStringLiteral("0.0 s");
        QTest::newRow("minutes") << 245.0 << QStringLiteral("4 m 05 s");
        QTest::newRow("hours") << 7620.0 << QStringLiteral("2 h 07 m");
        QTest::newRow("days") << 3.0 * 86400 + 7200 << QStringLiteral("3 d 02 h");
        QTest::newRow("the year 2100") << 2306998228.6 << QStringLiteral("26701 d 08 h");
        QTest::newRow("expired") << -75.0 << QStringLiteral("1 m 15 s ago");
        QTest::newRow("long expired") << -90000.0 << QStringLiteral("1 d 01 h ago");
        // Written by other programs: never cast out of range, never a made-up number.
        QTest::newRow("NaN") << qQNaN() << QStringLiteral("—");
        QTest::newRow("Infinity") << qInf() << QStringLiteral("—");
        QTest::newRow("-Infinity") << -qInf() << QStringLiteral("—");
        QTest::newRow("beyond whole days") << 1e300 << QStringLiteral("1.16e+295 d");
        QTest::newRow("long ago beyond whole days") << -1e300 << QStringLiteral("1.16e+295 d ago");
    }
    void formatsRemaining() {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(Duration::formatRemaining(seconds), text);
    }

    void formatsDurations() {
        QCOMPARE(Duration::format(250ms), QStringLiteral("250ms"));
        QCOMPARE(Duration::format(1500ms), QStringLiteral("1.5s"));
        QCOMPARE(Duration::format(90s), QStringLiteral("1.5m"));
        QCOMPARE(Duration::format(2h), QStringLiteral("2h"));
    }
};

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
