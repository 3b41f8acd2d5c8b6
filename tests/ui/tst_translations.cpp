// The German translation, under LANG=de_DE.UTF-8: it loads by locale, and a walk
// over every widget, menu, header and chart of the main window (each tab in
// turn) finds no visible string left as the English source text. Numbers the
// GUI computes use the decimal comma; times read from the database do not change.
// The error sentences that core builds (connection refused, a missing SQLite
// directory) reach the German window in German; lockctl, which installs no
// translator, still prints them in English under the same locale.
#include "common/prompter.h"
#include "common/translations.h"
#include "db/database.h"
#include "inspector/inspectorrefresher.h"
#include "leases/leasetablemodel.h"
#include "load/loadpanel.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"
#include "window/mainwindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSeries>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace lockscope;
using namespace lockscope::ui;

namespace {

struct Seen {
    QString where;
    QString text;
};

QString plain(QString s) {
    s.remove(QLatin1Char('&'));
    return s.trimmed();
}

void addMenu(QMenu *menu, const QString &where, QList<Seen> &out) {
    out.append({where + QStringLiteral(" menu"), plain(menu->title())});
    for (QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        if (a->menu())
            addMenu(a->menu(), where, out);
        else
            out.append({where + QStringLiteral(" action"), plain(a->text())});
    }
}

// Every string a user sees in the window, tab by tab.
QList<Seen> visibleStrings(MainWindow &w) {
    QList<Seen> out;
    out.append({QStringLiteral("title"), w.windowTitle()});
    for (QAction *top : w.menuBar()->actions())
        addMenu(top->menu(), QStringLiteral("menubar"), out);
    for (int t = 0; t < w.tabs()->count(); ++t) {
        w.tabs()->setCurrentIndex(t);
        QCoreApplication::processEvents();
        out.append({QStringLiteral("tab"), plain(w.tabs()->tabText(t))});
        const QString tab = QStringLiteral("tab %1: ").arg(t);
        for (QWidget *x : w.findChildren<QWidget *>()) {
            if (!x->isVisibleTo(&w))
                continue;
            const QString where = tab + QString::fromLatin1(x->metaObject()->className()) +
                                  QLatin1Char(' ') + x->objectName();
            if (auto *l = qobject_cast<QLabel *>(x))
                out.append({where, l->text()});
            else if (auto *b = qobject_cast<QAbstractButton *>(x))
                out.append({where, plain(b->text())});
            else if (auto *g = qobject_cast<QGroupBox *>(x))
                out.append({where, g->title()});
            else if (auto *e = qobject_cast<QLineEdit *>(x); e && !e->isReadOnly())
                out.append({where, e->placeholderText()});
            if (auto *c = qobject_cast<QComboBox *>(x)) {
                for (int i = 0; i < c->count(); ++i)
                    out.append({where, c->itemText(i)});
            }
            if (auto *s = qobject_cast<QSpinBox *>(x))
                out.append({where, s->suffix().trimmed()});
            if (auto *h = qobject_cast<QHeaderView *>(x); h && h->model()) {
                for (int i = 0; i < h->count(); ++i) {
                    if (!h->isSectionHidden(i))
                        out.append({where, h->model()->headerData(i, h->orientation()).toString()});
                }
            }
            if (auto *v = qobject_cast<QChartView *>(x)) {
                out.append({where, v->chart()->title()});
                for (QAbstractAxis *axis : v->chart()->axes())
                    out.append({where, axis->titleText()});
                for (QAbstractSeries *series : v->chart()->series())
                    out.append({where, series->name()});
            }
        }
    }
    w.tabs()->setCurrentIndex(0);
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](const Seen &s) {
                                 return !s.text.contains(QRegularExpression(
                                     QStringLiteral("[A-Za-z]{2}"))); // numbers, symbols, empty
                             }),
              out.end());
    return out;
}

// Words that are the same in German, and values that are not text of the GUI.
bool sameInBothLanguages(const QString &s) {
    static const QStringList same{
        QStringLiteral("LockScope"), QStringLiteral("PID"),    QStringLiteral("Token"),
        QStringLiteral("Leases"),    QStringLiteral("Client"), QStringLiteral("Threads"),
        QStringLiteral("Demo"),      QStringLiteral("ms"),     QStringLiteral("p50"),
        QStringLiteral("p90"),       QStringLiteral("p99"),    QStringLiteral("Fence")};
    return same.contains(s) || s.startsWith(QLatin1String("sqlite:")) ||
           s.startsWith(QLatin1String("postgres"));
}

// Records what the window tells the user instead of opening a modal message box.
class RecordingPrompter final : public Prompter {
public:
    QStringList told;
    bool confirm(QWidget *, const QString &, const QString &) override { return false; }
    void inform(QWidget *, const QString &, const QString &text) override { told << text; }
};

// A loopback port that nothing listens on (taken, then given back).
quint16 closedPort() {
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// Connects the window and returns the sentence it told the user.
QString connectionError(MainWindow &w, RecordingPrompter &prompter, const ConnectionParams &p) {
    QSignalSpy failed(&w, &MainWindow::connectionFailed);
    w.connectTo(p, QString());
    if (!failed.wait(60000) || prompter.told.isEmpty())
        return QString();
    return prompter.told.constLast();
}

bool connectEmbedded(MainWindow &w, const ConnectionParams &p) {
    QSignalSpy connected(&w, &MainWindow::connected);
    QSignalSpy refreshed(w.refresher(), &InspectorRefresher::refreshed);
    w.connectTo(p, QStringLiteral("embedded"));
    return connected.wait(30000) && (refreshed.size() > 0 || refreshed.wait(30000));
}

} // namespace

class TestTranslations final : public QObject {
    Q_OBJECT

    QTemporaryDir m_settings;
    ConnectionParams m_db;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        m_db = test::TestDb::freshSqlite();
    }

    void germanLoadsByLocale() {
        QCOMPARE(QLocale().language(), QLocale::German); // from LANG, set in main()
        QVERIFY(Translations::install());
        QCOMPARE(QCoreApplication::translate("lockscope::ui::MainWindow", "&Database"),
                 QStringLiteral("&Datenbank"));
        // English has no file to load: the source texts are the English ones.
        QVERIFY(!Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)));
        QCOMPARE(QCoreApplication::translate("lockscope::ui::MainWindow", "&Database"),
                 QStringLiteral("&Database"));
    }

    void noVisibleStringIsLeftInEnglish() {
        Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
        QSet<QString> english;
        {
            MainWindow w;
            w.resize(1280, 760);
            w.show();
            QVERIFY(connectEmbedded(w, m_db));
            for (const Seen &s : visibleStrings(w))
                english.insert(s.text);
        }
        QVERIFY2(english.size() > 80, qPrintable(QString::number(english.size())));

        QVERIFY(Translations::install(QLocale(QLocale::German, QLocale::Germany)));
        MainWindow w;
        w.resize(1280, 760);
        w.show();
        QVERIFY(connectEmbedded(w, m_db));
        const QList<Seen> german = visibleStrings(w);
        QStringList untranslated;
        for (const Seen &s : german) {
            if (english.contains(s.text) && !sameInBothLanguages(s.text))
                untranslated << s.where + QStringLiteral(": ") + s.text;
        }
        untranslated.removeDuplicates();
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
        QVERIFY(german.size() > 80);
        QTest::qWait(200);
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("german.png")));
        w.tabs()->setCurrentWidget(w.loadPanel());
        QTest::qWait(100);
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("german-load.png")));
        // The per-key table's German titles are longer than a default column:
        // none is cut before the first run (the table scrolls sideways).
        auto *keys = w.loadPanel()->findChild<QTableWidget *>(QStringLiteral("loadKeys"));
        QVERIFY(keys);
        const QHeaderView *header = keys->horizontalHeader();
        for (int i = 0; i < header->count(); ++i) {
            if (header->isSectionHidden(i))
                continue;
            const QString title = keys->horizontalHeaderItem(i)->text();
            const int needed = header->fontMetrics().horizontalAdvance(title);
            QVERIFY2(header->sectionSize(i) > needed,
                     qPrintable(QStringLiteral("%1: %2 px for %3 px of text")
                                    .arg(title)
                                    .arg(header->sectionSize(i))
                                    .arg(needed)));
        }
    }

    // Numbers the GUI computes follow the locale; times from the database do not.
    void numbersByLocaleDatabaseValuesAsStored() {
        Translations::install(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(test::TestDb::exec(
            m_db, QStringLiteral("INSERT INTO aggregate_locks VALUES ('k', 't', %1, %1 + 600)")
                      .arg(Database::nowSql(m_db.driver))));
        MainWindow w;
        w.show();
        QVERIFY(connectEmbedded(w, m_db));
        QTRY_COMPARE(w.leaseModel()->rowCount(), 1);
        QTRY_VERIFY2(w.statusLabel()->text().contains(
                         QRegularExpression(QStringLiteral("vor \\d+,\\d s aktualisiert"))),
                     qPrintable(w.statusLabel()->text()));
        QVERIFY(w.statusLabel()->text().contains(QLatin1String("1 gehalten, 0 abgelaufen")));
        const QString expires =
            w.leaseModel()->index(0, LeaseTableModel::ExpiresAt).data().toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$"))
                     .match(expires)
                     .hasMatch(),
                 qPrintable(expires));
        QCOMPARE(w.leaseModel()->index(0, LeaseTableModel::State).data().toString(),
                 QStringLiteral("● gehalten"));
        // The Load tab's charts write their axis numbers the German way too.
        const QList<QChartView *> charts = w.findChildren<QChartView *>();
        QVERIFY(!charts.isEmpty());
        for (QChartView *view : charts) {
            QVERIFY(view->chart()->localizeNumbers());
            QCOMPARE(view->chart()->locale().decimalPoint(), QStringLiteral(","));
        }
    }

    // A sentence that core builds reaches the German window in German: the
    // window's own frame ("Nicht verbunden: …") and core's sentence inside it.
    void coreErrorsReachTheWindowInGerman() {
        QVERIFY(Translations::install(QLocale(QLocale::German, QLocale::Germany)));
        auto *prompter = new RecordingPrompter;
        Prompter::install(prompter);
        MainWindow w;
        w.resize(1100, 520);
        w.show();

        const QTemporaryDir dir;
        auto sqlite = ConnectionParams::fromUrl(
            QStringLiteral("sqlite://%1/missing/leases.db").arg(dir.path()));
        QVERIFY(sqlite.ok());
        const QString missing = connectionError(w, *prompter, sqlite.value());
        QVERIFY2(
            missing.startsWith(QStringLiteral("Die SQLite-Datenbank ")) &&
                missing.contains(QStringLiteral("lässt sich nicht öffnen: Das Verzeichnis ")) &&
                missing.contains(QStringLiteral("Legen Sie es zuerst an")),
            qPrintable(missing));
        QVERIFY2(w.statusLabel()->text().startsWith(QStringLiteral("Nicht verbunden: Die SQLite")),
                 qPrintable(w.statusLabel()->text()));

        const quint16 port = closedPort();
        QVERIFY(port > 0);
        auto postgres = ConnectionParams::fromUrl(
            QStringLiteral("postgres://lockscope@127.0.0.1:%1/lockscope?connect_timeout=5")
                .arg(port));
        QVERIFY(postgres.ok());
        const QString refused = connectionError(w, *prompter, postgres.value());
        // LockScope's sentence is German; the server's (libpq's) reason inside it
        // stays as it was sent.
        QVERIFY2(
            refused.startsWith(
                QStringLiteral("Keine Verbindung zu PostgreSQL auf 127.0.0.1:%1: ").arg(port)) &&
                refused.contains(QStringLiteral("Prüfen Sie Host und Port")),
            qPrintable(refused));
        QVERIFY2(
            w.statusLabel()->text().startsWith(QStringLiteral("Nicht verbunden: Keine Verbindung")),
            qPrintable(w.statusLabel()->text()));

        // What the user sees: the window, and the message box it opens.
        QTest::qWait(100);
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("german-core-error.png")));
        QMessageBox box(QMessageBox::Warning, QStringLiteral("Verbindung nicht möglich"), refused,
                        QMessageBox::Ok, &w);
        box.show();
        QTest::qWait(100);
        box.grab().save(test::TestDb::artifactPath(QStringLiteral("german-core-error-box.png")));
        Prompter::install(nullptr);
    }

    // lockctl installs no translator: under the German locale its messages (which
    // scripts and tests parse) stay English.
    void lockctlStaysEnglishUnderGermanLocale() {
        QCOMPARE(qgetenv("LANG"), QByteArray("de_DE.UTF-8")); // inherited by lockctl
        const QTemporaryDir dir;
        const test::LockctlResult r = test::LockctlProcess::run(
            QStringLiteral("sqlite://%1/missing/leases.db").arg(dir.path()),
            {QStringLiteral("list")});
        QVERIFY2(r.exitCode > 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Cannot open the SQLite database ")) &&
                     r.err.contains(QStringLiteral("Create it first, or choose another path.")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("lässt sich nicht")), qPrintable(r.err));
    }
};

int main(int argc, char **argv) {
    // As a German user starts it: the locale comes from the environment.
    qputenv("LANG", "de_DE.UTF-8");
    qputenv("LC_ALL", "de_DE.UTF-8");
    QApplication app(argc, argv);
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
