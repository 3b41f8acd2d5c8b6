// Control characters from the shared tables, shown rather than obeyed: escapes
// for a terminal, symbols for the GUI; ordinary text (non-ASCII and emoji
// included) untouched.
#include "base/visibletext.h"

#include <QTest>

using namespace lockscope;

class TestVisibleText final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void terminalAndDisplay_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("terminal");
        QTest::addColumn<QString>("display");
        QTest::newRow("plain") << QStringLiteral("jobs/nightly") << QStringLiteral("jobs/nightly")
                               << QStringLiteral("jobs/nightly");
        QTest::newRow("non-ASCII and emoji")
            << QStringLiteral("ключ-キー-🔒👨‍👩‍👧")
            << QStringLiteral("ключ-キー-🔒👨‍👩‍👧")
            << QStringLiteral("ключ-キー-🔒👨‍👩‍👧");
        QTest::newRow("newline, return, tab")
            << QStringLiteral("a\nb\rc\td") << QStringLiteral("a\\nb\\rc\\td")
            << QStringLiteral("a⏎b\\rc\\td");
        QTest::newRow("escape sequence") << QStringLiteral("\x1b[2J") << QStringLiteral("\\x1b[2J")
                                         << QStringLiteral("\\x1b[2J");
        QTest::newRow("bell and DEL") << QStringLiteral("\x07\x7f") << QStringLiteral("\\x07\\x7f")
                                      << QStringLiteral("\\x07\\x7f");
        QTest::newRow("C1 control (CSI)")
            << QStringLiteral("a\u009bb") << QStringLiteral("a\\x9bb") << QStringLiteral("a\\x9bb");
        QTest::newRow("right-to-left override")
            << QStringLiteral("abc\u202edef") << QStringLiteral("abc\\u202edef")
            << QStringLiteral("abc\\u202edef");
        QTest::newRow("NUL") << QString(QChar(u'\0')) << QStringLiteral("\\x00")
                             << QStringLiteral("\\x00");
    }
    void terminalAndDisplay() {
        QFETCH(QString, text);
        QFETCH(QString, terminal);
        QFETCH(QString, display);
        QCOMPARE(VisibleText::forTerminal(text), terminal);
        QCOMPARE(VisibleText::forDisplay(text), display);
    }
};

QTEST_GUILESS_MAIN(TestVisibleText)
#include "tst_visibletext.moc"
