// Help ▸ Documentation: the README built into the program, shown offline by
// section, reached from the Help menu and with F1.
#include "support/testdb.h"
#include "window/documentationdialog.h"
#include "window/mainwindow.h"

#include <QFile>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace lockscope::ui;

class TestDocumentation final : public QObject {
    Q_OBJECT

    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }

    // The text comes from the resource, and it is the README of this source tree.
    void readmeIsBundled() {
        const QString bundled = DocumentationDialog::bundledReadme();
        QVERIFY(!bundled.isEmpty());
        QFile source(QStringLiteral(LOCKSCOPE_SOURCE_DIR "/README.md"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCOMPARE(bundled, QString::fromUtf8(source.readAll()));
    }

    void splitsAtLevelTwoHeadingsOutsideCode() {
        const auto sections = DocumentationDialog::split(QStringLiteral(
            "# Title\nintro\n## One\ntext\n```\n## not a heading\n```\n## Two\nmore\n"));
        QCOMPARE(sections.size(), 3);
        QCOMPARE(sections.at(0).title, QStringLiteral("Title"));
        QCOMPARE(sections.at(1).title, QStringLiteral("One"));
        QVERIFY(sections.at(1).markdown.contains(QLatin1String("## not a heading")));
        QCOMPARE(sections.at(2).title, QStringLiteral("Two"));
    }

    void f1OpensTheDocumentationBySection() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_F1);
        DocumentationDialog *docs = w.documentationDialog();
        QVERIFY(docs);
        QVERIFY(docs->isVisible());
        QStringList titles;
        for (int i = 0; i < docs->sectionList()->count(); ++i)
            titles << docs->sectionList()->item(i)->text();
        for (const char *expected : {"LockScope", "lockctl", "The GUI", "The load generator"})
            QVERIFY2(titles.contains(QLatin1String(expected)), qPrintable(titles.join(u'|')));
        QVERIFY(docs->showSection(QStringLiteral("lockctl")));
        // Rendered from Markdown: the heading's hashes are gone, the words are there.
        const QString text = docs->browser()->toPlainText();
        QVERIFY2(text.startsWith(QLatin1String("lockctl")), qPrintable(text.left(80)));
        QVERIFY(text.contains(QLatin1String("acquire KEY")));
        QVERIFY(docs->showSection(QStringLiteral("The GUI")));
        docs->grab().save(
            lockscope::test::TestDb::artifactPath(QStringLiteral("documentation.png")));
    }
};

QTEST_MAIN(TestDocumentation)
#include "tst_documentation.moc"
