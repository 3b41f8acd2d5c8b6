// lockscope: the inspector GUI. A thin main: parse the command line, open the
// window, connect.
#include "base/version.h"
#include "common/translations.h"
#include "db/connectionparams.h"
#include "db/drivernoise.h"
#include "inspector/inspectorrefresher.h"
#include "leases/leasetablemodel.h"
#include "window/aboutdialog.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <cstring>

using namespace lockscope;

int main(int argc, char **argv) {
    // --version answers without a display (QApplication needs one), so it works
    // over ssh, in a package check and in scripts.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("lockscope %s\n", LOCKSCOPE_VERSION);
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setWindowIcon(ui::AboutDialog::appIcon());
    lockscope::DriverNoise::install();
    QApplication::setOrganizationName(QStringLiteral("LockScope"));
    QApplication::setApplicationName(QStringLiteral("lockscope"));
    QApplication::setApplicationVersion(QStringLiteral(LOCKSCOPE_VERSION));
    ui::Translations::install(); // the user's language (LANG=de_DE.UTF-8: German)

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Inspect leases and PostgreSQL advisory locks, live."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("Database URL (postgres://user@host:port/db, "
                                               "sqlite:///path.db). Default: $LOCKSCOPE_DB, else "
                                               "the embedded SQLite file."),
                                QStringLiteral("URL"));
    const QCommandLineOption readOnly(QStringLiteral("read-only"),
                                      QStringLiteral("Change nothing, whatever the role may do."));
    const QCommandLineOption smoke(QStringLiteral("smoke-test"),
                                   QStringLiteral("Connect, show the first snapshot, exit 0 "
                                                  "(exit 1 if that fails)."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("With --smoke-test: save the window as a "
                                                       "PNG first."),
                                        QStringLiteral("FILE"));
    parser.addOptions({db, readOnly, smoke, screenshot});
    parser.process(app);

    const bool embedded = !parser.isSet(db) && qEnvironmentVariableIsEmpty("LOCKSCOPE_DB");
    auto params = ConnectionParams::resolve(parser.value(db));
    if (!params.ok()) {
        std::fprintf(stderr, "lockscope: %s\n", qPrintable(params.error().message));
        return 2;
    }
    if (params->applicationName.isEmpty()) // the URL's application_name wins
        params->applicationName = QStringLiteral("lockscope");

    ui::MainWindow window;
    window.show();
    if (parser.isSet(smoke)) {
        QObject::connect(&window, &ui::MainWindow::connectionFailed, &app,
                         [](const QString &message) {
                             std::fprintf(stderr, "lockscope: %s\n", qPrintable(message));
                             QCoreApplication::exit(1);
                         });
        QObject::connect(window.refresher(), &ui::InspectorRefresher::refreshed, &app, [&] {
            if (parser.isSet(screenshot)) {
                QCoreApplication::processEvents(); // the status bar's layout follows its text
                window.grab().save(parser.value(screenshot));
            }
            std::printf("lockscope: connected to %s, %d lease(s) shown\n",
                        qPrintable(params->displayUrl()), window.leaseModel()->rowCount());
            window.close();
            QCoreApplication::exit(0);
        });
        QTimer::singleShot(60'000, &app, [] {
            std::fprintf(stderr, "lockscope: no snapshot within 60 s\n");
            QCoreApplication::exit(1);
        });
    }
    window.setForcedReadOnly(parser.isSet(readOnly));
    // No database named: the profile used last, else the embedded database.
    if (!embedded || !window.connectToLastProfile(parser.isSet(readOnly)))
        window.connectTo(params.value(), embedded ? QStringLiteral("embedded") : QString(),
                         parser.isSet(readOnly), embedded);
    return app.exec();
}
