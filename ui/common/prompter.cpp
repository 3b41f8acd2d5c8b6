#include "common/prompter.h"

#include <QMessageBox>

#include <memory>

namespace lockscope::ui {

namespace {

class MessageBoxPrompter final : public Prompter {
public:
    bool confirm(QWidget *parent, const QString &title, const QString &text) override {
        return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    }
    void inform(QWidget *parent, const QString &title, const QString &text) override {
        QMessageBox::information(parent, title, text);
    }
};

std::unique_ptr<Prompter> &current() {
    static std::unique_ptr<Prompter> p = std::make_unique<MessageBoxPrompter>();
    return p;
}

} // namespace

Prompter::~Prompter() = default;

Prompter *Prompter::instance() {
    return current().get();
}

void Prompter::install(Prompter *prompter) {
    current().reset(prompter ? prompter : new MessageBoxPrompter);
}

} // namespace lockscope::ui
