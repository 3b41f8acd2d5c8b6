#include "leases/ownerruledialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lockscope::ui {

OwnerRuleDialog::OwnerRuleDialog(const QString &pattern, QWidget *parent)
    : QDialog(parent)
    , m_pattern(new QLineEdit(pattern, this))
    , m_sample(new QLineEdit(this))
    , m_verdict(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Lease owner rule"));
    auto *intro = new QLabel(
        tr("LockScope's own leases name their owner's sessions. For leases of other programs, "
           "a regular expression over the owner token whose first group is the "
           "application_name of that program's sessions (empty: no rule)."),
        this);
    intro->setWordWrap(true);
    m_pattern->setObjectName(QStringLiteral("ownerRulePattern"));
    m_pattern->setPlaceholderText(QStringLiteral("^([a-z-]+)@"));
    m_sample->setObjectName(QStringLiteral("ownerRuleSample"));
    m_sample->setPlaceholderText(tr("a token to try it on"));
    m_verdict->setObjectName(QStringLiteral("ownerRuleVerdict"));
    m_verdict->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Rule:"), m_pattern);
    form->addRow(tr("&Try a token:"), m_sample);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_verdict);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pattern, &QLineEdit::textChanged, this, &OwnerRuleDialog::update);
    connect(m_sample, &QLineEdit::textChanged, this, &OwnerRuleDialog::update);
    resize(520, sizeHint().height());
    update();
}

OwnerRuleDialog::~OwnerRuleDialog() = default;

QString OwnerRuleDialog::pattern() const {
    return m_pattern->text();
}

bool OwnerRuleDialog::canAccept() const {
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void OwnerRuleDialog::update() {
    const auto rule = OwnerRule::compile(m_pattern->text(), tr("The rule"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(rule.ok());
    if (!rule.ok()) {
        m_verdict->setText(rule.error().message);
        return;
    }
    if (rule->isEmpty()) {
        m_verdict->setText(tr("No rule: other programs' owners show as not known."));
        return;
    }
    if (m_sample->text().isEmpty()) {
        m_verdict->setText(QString());
        return;
    }
    const auto name = rule->applicationFor(m_sample->text());
    m_verdict->setText(name ? tr("Sessions named “%1” are this token's owner.").arg(*name)
                            : tr("The rule does not match this token: its owner stays unknown."));
}

} // namespace lockscope::ui
