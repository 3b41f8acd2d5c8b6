// The system look: on a dark palette the state colours keep their contrast (and
// their symbols), the charts turn dark; at 200 % scaling the icons come from
// the matching PNGs instead of being blown up. Runs at QT_SCALE_FACTOR=2.
#include "advisory/advisorytablemodel.h"
#include "common/statecolors.h"
#include "db/database.h"
#include "inspector/inspectorrefresher.h"
#include "leases/leasestab.h"
#include "leases/leasetablemodel.h"
#include "load/loadcharts.h"
#include "load/loadpanel.h"
#include "support/testdb.h"
#include "window/aboutdialog.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace lockscope;
using namespace lockscope::ui;
using Tone = StateColors::Tone;

namespace {

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe8, 0xe8, 0xe8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

void insert(const ConnectionParams &p, const QString &key, int expiresIn) {
    QVERIFY(test::TestDb::exec(
        p, QStringLiteral("INSERT INTO aggregate_locks VALUES ('%1', 'tok-%1', %2 - 60, %2 + %3)")
               .arg(key, Database::nowSql(p.driver))
               .arg(expiresIn)));
}

} // namespace

class TestSystemLook final : public QObject {
    Q_OBJECT

    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }
    void cleanup() { QApplication::setPalette(QApplication::style()->standardPalette()); }

    void stateColoursKeepContrast() {
        const QPalette light = QApplication::style()->standardPalette();
        const QPalette dark = darkPalette();
        QVERIFY(!StateColors::isDark(light));
        QVERIFY(StateColors::isDark(dark));
        for (const QPalette &p : {light, dark}) {
            for (Tone t : {Tone::Good, Tone::Warning, Tone::Bad, Tone::Strange}) {
                const double c =
                    StateColors::contrast(StateColors::foreground(t, p), p.color(QPalette::Base));
                QVERIFY2(c >= 4.5, qPrintable(QString::number(c)));
            }
            const QColor waiting = StateColors::background(Tone::Warning, p);
            QVERIFY(waiting != p.color(QPalette::Base)); // it does stand out
            QVERIFY(StateColors::contrast(waiting, p.color(QPalette::Text)) >= 4.5);
        }
        // The control: the colours that were hard-coded before vanish on dark.
        QVERIFY(StateColors::contrast(QColor(0x6a, 0x1b, 0x9a), dark.color(QPalette::Base)) < 3);
        QVERIFY(StateColors::contrast(QColor(0xff, 0xf1, 0xd6), dark.color(QPalette::Text)) < 1.5);
    }

    void darkWindow() {
        QApplication::setPalette(darkPalette());
        const ConnectionParams params = test::TestDb::freshSqlite();
        insert(params, QStringLiteral("jobs/held"), 600);
        insert(params, QStringLiteral("jobs/expiring"), 4);
        insert(params, QStringLiteral("jobs/expired"), -30);
        MainWindow w;
        w.resize(1100, 600);
        w.show();
        QSignalSpy connected(&w, &MainWindow::connected);
        w.connectTo(params, QStringLiteral("dark"));
        QVERIFY(connected.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 3, 20000);
        const QColor base = w.leasesTab()->palette().color(QPalette::Base);
        QVERIFY(StateColors::isDark(w.leasesTab()->palette()));
        QStringList symbols;
        for (int r = 0; r < 3; ++r) {
            const QModelIndex state = w.leaseModel()->index(r, LeaseTableModel::State);
            const QColor fg = state.data(Qt::ForegroundRole).value<QBrush>().color();
            QVERIFY2(StateColors::contrast(fg, base) >= 4.5, qPrintable(fg.name()));
            symbols << state.data().toString().left(1);
        }
        symbols.sort();
        QCOMPARE(symbols,
                 QStringList({QStringLiteral("●"), QStringLiteral("◐"), QStringLiteral("✕")}));
        QVERIFY(w.loadPanel()->charts()->isDarkTheme());
        QTest::qWait(300);
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("dark-palette.png")));
        w.tabs()->setCurrentWidget(w.loadPanel());
        QTest::qWait(100);
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("dark-palette-load.png")));
        // And back: the charts follow a change of palette.
        QApplication::setPalette(QApplication::style()->standardPalette());
        QTRY_VERIFY(!w.loadPanel()->charts()->isDarkTheme());
    }

    void crispAt200Percent() {
        QCOMPARE(qApp->devicePixelRatio(), 2.0);
        MainWindow w;
        w.resize(900, 500);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // A 32-pixel icon at 200 % is the 64-pixel PNG itself, not a blown-up 32.
        const QPixmap icon = w.windowIcon().pixmap(QSize(32, 32));
        QCOMPARE(icon.devicePixelRatio(), 2.0);
        QCOMPARE(icon.size(), QSize(64, 64));
        QImage png(QStringLiteral(":/icons/lockscope-64.png"));
        png.setDevicePixelRatio(2.0);
        // (Both premultiplied: a pixmap holds its pixels that way.)
        QCOMPARE(icon.toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied),
                 png.convertToFormat(QImage::Format_ARGB32_Premultiplied));
        w.showAbout();
        auto *label = w.aboutDialog()->findChild<QLabel *>(QStringLiteral("aboutIcon"));
        QVERIFY(label);
        QCOMPARE(label->pixmap().devicePixelRatio(), 2.0);
        QCOMPARE(label->pixmap().size(), QSize(192, 192));
        const QImage shot = w.grab().toImage();
        QCOMPARE(shot.size(), w.size() * 2);
        shot.save(test::TestDb::artifactPath(QStringLiteral("hidpi-200.png")));
        w.aboutDialog()->grab().save(test::TestDb::artifactPath(QStringLiteral("about-200.png")));
    }
};

int main(int argc, char **argv) {
    qputenv("QT_SCALE_FACTOR", "2"); // before the application exists
    QApplication app(argc, argv);
    TestSystemLook test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_systemlook.moc"
