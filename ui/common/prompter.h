#pragma once

#include <QString>

class QWidget;

namespace lockscope::ui {

// Asks the user to confirm and tells them outcomes. The GUI uses message boxes;
// tests install one that answers by script and records what it was told.
class Prompter {
public:
    virtual ~Prompter();
    virtual bool confirm(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void inform(QWidget *parent, const QString &title, const QString &text) = 0;

    static Prompter *instance();
    // Takes ownership; nullptr restores the message boxes.
    static void install(Prompter *prompter);
};

} // namespace lockscope::ui
