// Help > About and the window's icon: a real window on the offscreen platform.
#include "base/version.h"
#include "support/testdb.h"
#include "window/aboutdialog.h"
#include "window/mainwindow.h"

#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace lockscope;

class TestAboutDialog final : public QObject {
    Q_OBJECT

    QTemporaryDir m_settings;

private Q_SLOTS:
    // The window reads and writes its layout: never in the user's settings.
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }

    void windowHasTheIcon() {
        ui::MainWindow window;
        QVERIFY(!window.windowIcon().isNull());
        // Every size the theme asks for is compiled in.
        const QList<QSize> sizes = ui::AboutDialog::appIcon().availableSizes();
        for (int s : {16, 32, 48, 256})
            QVERIFY2(sizes.contains(QSize(s, s)), qPrintable(QString::number(s)));
    }

    void aboutShowsVersionQtAndDrivers() {
        ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Reached from the Help menu, as a user would.
        QAction *about = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->text() != QStringLiteral("&Help") || !menu->menu())
                continue;
            for (QAction *a : menu->menu()->actions()) {
                if (a->text() == QStringLiteral("&About LockScope"))
                    about = a;
            }
        }
        QVERIFY2(about, "no Help > About LockScope");
        about->trigger();
        ui::AboutDialog *dialog = window.aboutDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const auto *title = dialog->findChild<QLabel *>(QStringLiteral("aboutTitle"));
        QVERIFY(title);
        QVERIFY2(title->text().contains(QStringLiteral(LOCKSCOPE_VERSION)),
                 qPrintable(title->text()));
        const auto *icon = dialog->findChild<QLabel *>(QStringLiteral("aboutIcon"));
        QVERIFY(icon && !icon->pixmap().isNull());
        const QString details = dialog->detailsLabel()->text();
        QVERIFY2(details.contains(QString::fromLatin1(qVersion())), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("PostgreSQL (QPSQL)")) ==
                     QSqlDatabase::drivers().contains(QStringLiteral("QPSQL")),
                 qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("SQLite (QSQLITE)")), qPrintable(details));
        dialog->grab().save(test::TestDb::artifactPath(QStringLiteral("about.png")));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
