#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QListWidget;
class QTextBrowser;

namespace lockscope::ui {

// Help ▸ Documentation: the README as it was built into the program (a Qt
// resource, so it works offline and matches this version), one section at a
// time, rendered from Markdown.
class DocumentationDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentationDialog)

public:
    struct Section {
        QString title;
        QString markdown;
    };

    explicit DocumentationDialog(QWidget *parent = nullptr);
    ~DocumentationDialog() override;

    QListWidget *sectionList() const { return m_list; }
    QTextBrowser *browser() const { return m_browser; }
    // Shows the section with this title; false if there is none.
    bool showSection(const QString &title);

    // The bundled README (empty if the resource is missing).
    static QString bundledReadme();
    // Splits Markdown at its level-2 headings (outside code blocks); the text
    // before the first one is a section titled by the level-1 heading.
    static QList<Section> split(const QString &markdown);

private:
    QList<Section> m_sections;
    QListWidget *m_list;
    QTextBrowser *m_browser;
};

} // namespace lockscope::ui
