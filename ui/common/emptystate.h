#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QHBoxLayout;

namespace lockscope::ui {

// What a view shows instead of an empty grid: a title, a sentence that says what
// would appear there, and the next step as buttons. The owner decides which
// state applies and calls setContent() only when it changes.
class EmptyState final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyState)

public:
    explicit EmptyState(QWidget *parent = nullptr);
    ~EmptyState() override;

    // Replaces the text and removes every button.
    void setContent(const QString &title, const QString &text);
    // A button whose click the caller connects; objectName lets tests find it.
    QPushButton *addButton(const QString &objectName, const QString &text);
    QString title() const;
    QString text() const;
    QList<QPushButton *> buttons() const { return m_buttons; }

private:
    QLabel *m_title;
    QLabel *m_text;
    QHBoxLayout *m_buttonRow;
    QList<QPushButton *> m_buttons;
};

} // namespace lockscope::ui
