#include "window/documentationdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QListWidget>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace lockscope::ui {

QString DocumentationDialog::bundledReadme() {
    QFile file(QStringLiteral(":/docs/README.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QList<DocumentationDialog::Section> DocumentationDialog::split(const QString &markdown) {
    QList<Section> sections;
    Section current;
    bool inCode = false;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("```")))
            inCode = !inCode;
        if (!inCode && line.startsWith(QLatin1String("# ")) && current.title.isEmpty()) {
            current.title = line.mid(2).trimmed();
        } else if (!inCode && line.startsWith(QLatin1String("## "))) {
            if (!current.markdown.trimmed().isEmpty() || !current.title.isEmpty())
                sections.append(current);
            current = {line.mid(3).trimmed(), QString()};
        }
        current.markdown += line + QLatin1Char('\n');
    }
    if (!current.markdown.trimmed().isEmpty())
        sections.append(current);
    return sections;
}

DocumentationDialog::DocumentationDialog(QWidget *parent)
    : QDialog(parent)
    , m_sections(split(bundledReadme()))
    , m_list(new QListWidget(this))
    , m_browser(new QTextBrowser(this)) {
    setWindowTitle(tr("LockScope Documentation"));
    setObjectName(QStringLiteral("documentationDialog"));
    m_list->setObjectName(QStringLiteral("documentationSections"));
    m_browser->setObjectName(QStringLiteral("documentationText"));
    m_browser->setOpenExternalLinks(true);
    for (const Section &s : std::as_const(m_sections))
        m_list->addItem(s.title);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_sections.size())
            m_browser->setMarkdown(m_sections.at(row).markdown);
    });
    if (m_sections.isEmpty())
        m_browser->setPlainText(tr("The documentation was not built into this program."));
    else
        m_list->setCurrentRow(0);
    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(m_browser);
    split->setStretchFactor(1, 4);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(960, 680);
}

DocumentationDialog::~DocumentationDialog() = default;

bool DocumentationDialog::showSection(const QString &title) {
    for (int i = 0; i < m_sections.size(); ++i) {
        if (m_sections.at(i).title == title) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

} // namespace lockscope::ui
