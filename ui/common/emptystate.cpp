#include "common/emptystate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lockscope::ui {

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttonRow(new QHBoxLayout) {
    setObjectName(QStringLiteral("emptyState"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    m_title->setObjectName(QStringLiteral("emptyTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("emptyText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    // Commands in the text (lockctl …) can be selected and copied.
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // A readable measure, fixed: a wrapped label placed with an alignment gets the
    // height of its narrowest layout otherwise, and loses lines.
    m_text->setFixedWidth(fontMetrics().averageCharWidth() * 80);
    m_buttonRow->addStretch(1);
    m_buttonRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addSpacing(fontMetrics().height() / 2);
    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addWidget(m_text);
    centred->addStretch(1);
    layout->addLayout(centred);
    layout->addSpacing(fontMetrics().height());
    layout->addLayout(m_buttonRow);
    layout->addStretch(3);
}

EmptyState::~EmptyState() = default;

void EmptyState::setContent(const QString &title, const QString &text) {
    m_title->setText(title);
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
    // Later, not now: this may run inside the click handler of one of them.
    for (QPushButton *b : std::as_const(m_buttons)) {
        b->hide();
        b->setObjectName(QString());
        b->deleteLater();
    }
    m_buttons.clear();
}

QPushButton *EmptyState::addButton(const QString &objectName, const QString &text) {
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    // Before the closing stretch, so the buttons stay centred as a group.
    m_buttonRow->insertWidget(m_buttonRow->count() - 1, button);
    if (m_buttons.isEmpty())
        button->setDefault(true);
    m_buttons.append(button);
    return button;
}

QString EmptyState::title() const {
    return m_title->text();
}

QString EmptyState::text() const {
    return m_text->text();
}

} // namespace lockscope::ui
