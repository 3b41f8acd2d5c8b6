#include "connection/connectiondialog.h"

#include "connection/passwordstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace lockscope::ui {

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_profiles(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_driver(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_sslmode(new QComboBox(this))
    , m_sslrootcert(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember in the system keychain"), this))
    , m_sqlitePath(new QLineEdit(this))
    , m_readOnly(new QCheckBox(tr("Read-only: never change anything through this profile"), this))
    , m_hint(new QLabel(this)) {
    setWindowTitle(tr("Connect to a database"));
    m_driver->addItems({tr("PostgreSQL"), tr("SQLite")});
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_host->setPlaceholderText(QStringLiteral("db.example.com"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: PGPASSWORD or ~/.pgpass"));
    m_sslmode->addItems({QStringLiteral("prefer"), QStringLiteral("require"),
                         QStringLiteral("verify-ca"), QStringLiteral("verify-full"),
                         QStringLiteral("disable")});
    m_sslrootcert->setPlaceholderText(tr("CA certificate file, for verify-ca and verify-full"));
    // Object names: what tests (and accessibility tools) find the fields by.
    m_host->setObjectName(QStringLiteral("host"));
    m_port->setObjectName(QStringLiteral("port"));
    m_database->setObjectName(QStringLiteral("database"));
    m_user->setObjectName(QStringLiteral("user"));
    m_password->setObjectName(QStringLiteral("password"));
    m_sslmode->setObjectName(QStringLiteral("sslmode"));
    m_sslrootcert->setObjectName(QStringLiteral("sslrootcert"));
    m_sqlitePath->setObjectName(QStringLiteral("sqlitePath"));
    m_driver->setObjectName(QStringLiteral("driver"));
    m_remember->setEnabled(PasswordStore::available());
    m_remember->setToolTip(m_remember->isEnabled()
                               ? tr("Stored by the desktop's keychain, never in the settings file.")
                               : tr("No system keychain answered: the password is kept in memory "
                                    "only, for this session."));
    m_hint->setWordWrap(true);

    auto *pg = new QWidget(this);
    auto *pgForm = new QFormLayout(pg);
    pgForm->addRow(tr("Host"), m_host);
    pgForm->addRow(tr("Port"), m_port);
    pgForm->addRow(tr("Database"), m_database);
    pgForm->addRow(tr("User"), m_user);
    pgForm->addRow(tr("Password"), m_password);
    pgForm->addRow(QString(), m_remember);
    pgForm->addRow(tr("TLS (sslmode)"), m_sslmode);
    auto *browseCa = new QPushButton(tr("Browse…"), this);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_sslrootcert, 1);
    caRow->addWidget(browseCa);
    pgForm->addRow(tr("Certificate authority"), caRow);
    auto *lite = new QWidget(this);
    auto *liteForm = new QFormLayout(lite);
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_sqlitePath, 1);
    pathRow->addWidget(browse);
    liteForm->addRow(tr("Database file"), pathRow);
    m_pages->addWidget(pg);
    m_pages->addWidget(lite);

    auto *form = new QFormLayout;
    form->addRow(tr("Saved profiles"), m_profiles);
    form->addRow(tr("Profile name"), m_name);
    form->addRow(tr("Database kind"), m_driver);

    auto *buttons = new QDialogButtonBox(this);
    auto *connectButton = buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    auto *save = buttons->addButton(tr("Save profile"), QDialogButtonBox::ActionRole);
    auto *remove = buttons->addButton(tr("Delete profile"), QDialogButtonBox::DestructiveRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connectButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_pages);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);

    connect(m_driver, &QComboBox::currentIndexChanged, this, &ConnectionDialog::driverChanged);
    connect(m_profiles, &QComboBox::activated, this, &ConnectionDialog::profileChosen);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("SQLite database"), m_sqlitePath->text(), tr("SQLite (*.db *.sqlite)"),
            nullptr, QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            m_sqlitePath->setText(path);
    });
    connect(browseCa, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Certificate authority"), m_sslrootcert->text(),
                                         tr("Certificates (*.crt *.pem);;All files (*)"));
        if (!path.isEmpty())
            m_sslrootcert->setText(path);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, &ConnectionDialog::saveProfile);
    connect(remove, &QPushButton::clicked, this, [this] {
        ProfileStore::remove(m_name->text());
        PasswordStore::remove(m_name->text());
        loadProfiles();
    });
    loadProfiles();
    driverChanged();
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::loadProfiles() {
    m_saved = ProfileStore::load();
    m_profiles->clear();
    m_profiles->addItem(tr("(new profile)"));
    for (const Profile &p : std::as_const(m_saved))
        m_profiles->addItem(p.name);
    const int last = m_profiles->findText(ProfileStore::lastProfile());
    if (last > 0) {
        m_profiles->setCurrentIndex(last);
        profileChosen(last);
    }
}

void ConnectionDialog::profileChosen(int index) {
    if (index <= 0 || index > m_saved.size())
        return;
    setProfile(m_saved.at(index - 1));
    if (const auto password = PasswordStore::read(m_saved.at(index - 1).name)) {
        m_password->setText(*password);
        m_remember->setChecked(true);
    }
}

void ConnectionDialog::driverChanged() {
    const bool sqlite = m_driver->currentIndex() == 1;
    m_pages->setCurrentIndex(sqlite ? 1 : 0);
    m_hint->setText(sqlite ? tr("The file is created if it does not exist; create the lease "
                                "table with `lockctl migrate`.")
                           : tr("Passwords come from this field, PGPASSWORD or ~/.pgpass. "
                                "They are never written to the settings file."));
}

void ConnectionDialog::setProfile(const Profile &p) {
    m_name->setText(p.name);
    m_driver->setCurrentIndex(p.params.isSqlite() ? 1 : 0);
    m_host->setText(p.params.host);
    m_port->setValue(p.params.port);
    m_database->setText(p.params.database);
    m_user->setText(p.params.user);
    m_password->setText(p.params.password);
    const int ssl = m_sslmode->findText(p.params.sslmode.isEmpty() ? QStringLiteral("prefer")
                                                                   : p.params.sslmode);
    m_sslmode->setCurrentIndex(std::max(0, ssl));
    m_sslrootcert->setText(p.params.sslrootcert);
    m_sqlitePath->setText(p.params.sqlitePath);
    m_readOnly->setChecked(p.readOnly);
    driverChanged();
}

Profile ConnectionDialog::profile() const {
    Profile p;
    p.name = m_name->text().trimmed();
    p.readOnly = m_readOnly->isChecked();
    if (m_driver->currentIndex() == 1) {
        p.params.driver = Driver::Sqlite;
        p.params.sqlitePath = m_sqlitePath->text().trimmed();
        if (p.name.isEmpty())
            p.name = p.params.sqlitePath;
    } else {
        p.params.driver = Driver::Postgres;
        p.params.host = m_host->text().trimmed();
        p.params.port = m_port->value();
        p.params.database = m_database->text().trimmed();
        p.params.user = m_user->text().trimmed();
        p.params.password = m_password->text();
        p.params.sslmode = m_sslmode->currentText();
        p.params.sslrootcert = m_sslrootcert->text().trimmed();
        if (p.name.isEmpty())
            p.name =
                QStringLiteral("%1@%2/%3").arg(p.params.user, p.params.host, p.params.database);
    }
    p.params.applicationName = QStringLiteral("lockscope");
    return p;
}

void ConnectionDialog::saveProfile() {
    Profile p = profile();
    const QString password = p.params.password;
    p.params.password.clear(); // never into QSettings
    ProfileStore::save(p);
    if (m_remember->isChecked() && !password.isEmpty())
        PasswordStore::write(p.name, password);
    loadProfiles();
}

} // namespace lockscope::ui
