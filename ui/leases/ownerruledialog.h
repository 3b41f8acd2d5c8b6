#pragma once

#include "lease/ownerrule.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace lockscope::ui {

// View ▸ Lease owner rule…: the regular expression that maps a token of another
// program to the application_name of its sessions, so the Leases tab can say
// whether that owner is still connected. Shows at once what the rule makes of
// a sample token, and refuses (OK disabled, the reason shown) a pattern that
// does not compile.
class OwnerRuleDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OwnerRuleDialog)

public:
    explicit OwnerRuleDialog(const QString &pattern, QWidget *parent = nullptr);
    ~OwnerRuleDialog() override;

    QString pattern() const;
    QLineEdit *patternEdit() const { return m_pattern; }
    QLineEdit *sampleEdit() const { return m_sample; }
    QLabel *verdict() const { return m_verdict; }
    bool canAccept() const;

private:
    void update();

    QLineEdit *m_pattern;
    QLineEdit *m_sample;
    QLabel *m_verdict;
    QDialogButtonBox *m_buttons;
};

} // namespace lockscope::ui
