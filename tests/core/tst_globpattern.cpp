// Globs as `lockctl list --match`, `lockctl audit --target` and the GUI's filter
// read them: what matches, and a named mistake for a glob that cannot match.
#include "base/globpattern.h"

#include <QTest>

using namespace lockscope;

class TestGlobPattern final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matches_data() {
        QTest::addColumn<QString>("glob");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("match");
        QTest::newRow("star crosses slashes") << "jobs/*"
                                              << "jobs/a/b" << true;
        QTest::newRow("question mark") << "k?"
                                       << "k1" << true;
        QTest::newRow("range") << "job[0-9]"
                               << "job7" << true;
        QTest::newRow("range misses") << "job[0-9]"
                                      << "jobx" << false;
        QTest::newRow("negated class") << "[!a]*"
                                       << "bcd" << true;
        QTest::newRow("negated class misses") << "[!a]*"
                                              << "abc" << false;
        QTest::newRow("bracket first is a member") << "[]a]"
                                                   << "]" << true;
        QTest::newRow("unclosed bracket is literal") << "a[b"
                                                     << "a[b" << true;
        QTest::newRow("regex characters are literal") << "a.b+(c)"
                                                      << "a.b+(c)" << true;
        QTest::newRow("a quote is just a quote") << "x' OR '1'='1"
                                                 << "anything" << false;
        QTest::newRow("a dash at the end is a member") << "[a-]"
                                                       << "-" << true;
    }
    void matches() {
        QFETCH(QString, glob);
        QFETCH(QString, text);
        QFETCH(bool, match);
        const auto rx = GlobPattern::compile(glob, QStringLiteral("--match"));
        QVERIFY2(rx.ok(), qPrintable(rx.ok() ? QString() : rx.error().message));
        QCOMPARE(rx->match(text).hasMatch(), match);
        QCOMPARE(GlobPattern::toRegularExpression(glob).match(text).hasMatch(), match);
    }

    void invalidGlobsAreNamed_data() {
        QTest::addColumn<QString>("glob");
        QTest::addColumn<QString>("message");
        QTest::newRow("backwards range") << "[z-a]"
                                         << "--match '[z-a]' is not a valid glob: the range z-a "
                                            "runs backwards; write it as a-z.";
        QTest::newRow("backwards range after a member")
            << "x[_9-0]"
            << "--match 'x[_9-0]' is not a valid glob: the range 9-0 runs backwards";
        QTest::newRow("empty negated class")
            << "[!]"
            << "--match '[!]' is not a valid glob: the class [!] contains no character";
        QTest::newRow("empty caret class")
            << "a[^]"
            << "--match 'a[^]' is not a valid glob: the class [^] contains no character";
    }
    void invalidGlobsAreNamed() {
        QFETCH(QString, glob);
        QFETCH(QString, message);
        const auto rx = GlobPattern::compile(glob, QStringLiteral("--match"));
        QVERIFY(!rx.ok());
        QCOMPARE(rx.error().kind, ErrorKind::InvalidArgument);
        QVERIFY2(rx.error().message.startsWith(message), qPrintable(rx.error().message));
    }
};

QTEST_GUILESS_MAIN(TestGlobPattern)
#include "tst_globpattern.moc"
