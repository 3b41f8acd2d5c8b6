#include "window/aboutdialog.h"

#include "base/version.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QSqlDatabase>
#include <QVBoxLayout>

namespace lockscope::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_details(new QLabel(this)) {
    setWindowTitle(tr("About LockScope"));
    setObjectName(QStringLiteral("aboutDialog"));

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIcon"));
    icon->setPixmap(appIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);

    auto *title =
        new QLabel(QStringLiteral("<h2>%1</h2>").arg(versionText().toHtmlEscaped()), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    auto *summary = new QLabel(tr("Who holds which lease or advisory lock, and why the rest "
                                  "wait: live leases counted down by the database's clock, "
                                  "PostgreSQL advisory locks with their blocking trees, "
                                  "owner-guarded sweep and force release, an audit log and a "
                                  "load generator."),
                               this);
    summary->setWordWrap(true);
    m_details->setObjectName(QStringLiteral("aboutDetails"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setText(
        tr("Qt %1 (built with %2)\nDatabase drivers: %3")
            .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR), driversText()));

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(summary);
    text->addWidget(m_details);
    text->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QIcon AboutDialog::appIcon() {
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        icon.addFile(QStringLiteral(":/icons/lockscope-%1.png").arg(size), QSize(size, size));
    return icon;
}

QString AboutDialog::versionText() {
    return tr("LockScope %1").arg(QStringLiteral(LOCKSCOPE_VERSION));
}

QString AboutDialog::driversText() {
    const QStringList drivers = QSqlDatabase::drivers();
    QStringList parts;
    if (drivers.contains(QStringLiteral("QPSQL")))
        parts << tr("PostgreSQL (QPSQL)");
    else
        parts << tr("PostgreSQL: not installed (Debian: libqt6sql6-psql)");
    if (drivers.contains(QStringLiteral("QSQLITE")))
        parts << tr("SQLite (QSQLITE)");
    else
        parts << tr("SQLite: not installed (Debian: libqt6sql6-sqlite)");
    return parts.join(QStringLiteral(", "));
}

} // namespace lockscope::ui
