#pragma once

#include <QDialog>

class QLabel;

namespace lockscope::ui {

// Help ▸ About: the icon, LockScope's version, the Qt version it was built with
// and runs on, and the database drivers this installation can load.
class AboutDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The application icon in every size compiled in (resources/icons).
    static QIcon appIcon();
    // "LockScope 0.1.0"
    static QString versionText();
    // The SQL drivers Qt can load here, with what they are for.
    static QString driversText();

    QLabel *detailsLabel() const { return m_details; }

private:
    QLabel *m_details;
};

} // namespace lockscope::ui
