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
    , m_url(new QLineEdit(this))
    , m_redisHost(new QLineEdit(this))
    , m_redisPort(new QSpinBox(this))
    , m_redisDb(new QSpinBox(this))
    , m_redisUser(new QLineEdit(this))
    , m_redisPassword(new QLineEdit(this))
    , m_redisTls(new QCheckBox(tr("TLS (rediss://), verifying the server's certificate"), this))
    , m_redisCa(new QLineEdit(this))
    , m_redisPrefix(new QLineEdit(this))
    , m_redisMatch(new QLineEdit(this))
    , m_urlError(new QLabel(this))
    , m_readOnly(new QCheckBox(tr("Read-only: never change anything through this profile"), this))
    , m_hint(new QLabel(this)) {
    setWindowTitle(tr("Connect to a database"));
    m_driver->addItems({tr("PostgreSQL"), tr("SQLite"), tr("Redis")});
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setPlaceholderText(
        QStringLiteral("redis://user@host:6379/0?prefix=locks:   postgres://user@host/db"));
    m_url->setToolTip(tr("Paste a connection URL to fill in the fields below. A password in it "
                         "goes into the password field only, never into the settings."));
    m_urlError->setObjectName(QStringLiteral("urlError"));
    m_urlError->setWordWrap(true);
    m_urlError->hide();
    m_redisHost->setObjectName(QStringLiteral("redisHost"));
    m_redisHost->setPlaceholderText(QStringLiteral("127.0.0.1"));
    m_redisPort->setObjectName(QStringLiteral("redisPort"));
    m_redisPort->setRange(1, 65535);
    m_redisPort->setValue(6379);
    m_redisDb->setObjectName(QStringLiteral("redisDb"));
    m_redisDb->setRange(0, 65535);
    m_redisUser->setObjectName(QStringLiteral("redisUser"));
    m_redisUser->setPlaceholderText(tr("empty: the default user"));
    m_redisPassword->setObjectName(QStringLiteral("redisPassword"));
    m_redisPassword->setEchoMode(QLineEdit::Password);
    m_redisPassword->setPlaceholderText(tr("empty: REDISCLI_AUTH"));
    m_redisTls->setObjectName(QStringLiteral("redisTls"));
    m_redisCa->setObjectName(QStringLiteral("redisCa"));
    m_redisCa->setPlaceholderText(tr("CA certificate file; empty: the system's"));
    m_redisPrefix->setObjectName(QStringLiteral("redisPrefix"));
    m_redisPrefix->setPlaceholderText(tr("e.g. locks: (prepended to every key)"));
    m_redisMatch->setObjectName(QStringLiteral("redisMatch"));
    m_redisMatch->setPlaceholderText(tr("e.g. lock:*  (empty: LockScope's own locks only)"));
    m_redisMatch->setToolTip(
        tr("Which keys the Leases tab lists (SCAN MATCH, after the prefix). Without a prefix "
           "or a match only LockScope's own locks are listed, found by their fence counters; "
           "* lists every key of the database."));
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
    auto *redis = new QWidget(this);
    auto *redisForm = new QFormLayout(redis);
    redisForm->addRow(tr("Host"), m_redisHost);
    redisForm->addRow(tr("Port"), m_redisPort);
    redisForm->addRow(tr("Database index"), m_redisDb);
    redisForm->addRow(tr("ACL user"), m_redisUser);
    redisForm->addRow(tr("Password"), m_redisPassword);
    redisForm->addRow(QString(), m_redisTls);
    redisForm->addRow(tr("Certificate authority"), m_redisCa);
    redisForm->addRow(tr("Key prefix"), m_redisPrefix);
    redisForm->addRow(tr("Keys to list"), m_redisMatch);
    m_pages->addWidget(pg);
    m_pages->addWidget(lite);
    m_pages->addWidget(redis);

    auto *form = new QFormLayout;
    form->addRow(tr("Saved profiles"), m_profiles);
    form->addRow(tr("URL"), m_url);
    form->addRow(QString(), m_urlError);
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
    layout->addWidget(m_remember); // PostgreSQL and Redis passwords alike
    layout->addWidget(m_readOnly);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);

    connect(m_driver, &QComboBox::currentIndexChanged, this, &ConnectionDialog::driverChanged);
    connect(m_url, &QLineEdit::editingFinished, this, &ConnectionDialog::applyUrl);
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
        (m_saved.at(index - 1).params.isRedis() ? m_redisPassword : m_password)->setText(*password);
        m_remember->setChecked(true);
    }
}

void ConnectionDialog::driverChanged() {
    const int page = m_driver->currentIndex();
    m_pages->setCurrentIndex(page);
    m_remember->setVisible(page != 1);
    m_hint->setText(page == 1 ? tr("The file is created if it does not exist; create the lease "
                                   "table with `lockctl migrate`.")
                    : page == 2
                        ? tr("Locks are the keys under the prefix (SET key token NX PX ttl). "
                             "The password comes from this field or REDISCLI_AUTH and is never "
                             "written to the settings file.")
                        : tr("Passwords come from this field, PGPASSWORD or ~/.pgpass. "
                             "They are never written to the settings file."));
}

void ConnectionDialog::applyUrl() {
    const QString text = m_url->text().trimmed();
    if (text.isEmpty()) {
        m_urlError->hide();
        return;
    }
    auto parsed = ConnectionParams::fromUrl(text);
    if (!parsed.ok()) {
        m_urlError->setText(parsed.error().message);
        m_urlError->show();
        return;
    }
    m_urlError->hide();
    Profile p;
    p.name = m_name->text();
    p.readOnly = m_readOnly->isChecked();
    p.params = parsed.value();
    setProfile(p);
    // The URL's password stays in the field (memory); the URL field is cleared so
    // that nothing shows or keeps it.
    m_url->clear();
}

void ConnectionDialog::setProfile(const Profile &p) {
    m_name->setText(p.name);
    m_driver->setCurrentIndex(p.params.isSqlite() ? 1 : p.params.isRedis() ? 2 : 0);
    m_redisHost->setText(p.params.isRedis() ? p.params.host : QString());
    m_redisPort->setValue(p.params.isRedis() ? p.params.port : 6379);
    m_redisDb->setValue(p.params.redisDb);
    m_redisUser->setText(p.params.isRedis() ? p.params.user : QString());
    m_redisPassword->setText(p.params.isRedis() ? p.params.password : QString());
    m_redisTls->setChecked(p.params.redisTls);
    m_redisCa->setText(p.params.isRedis() ? p.params.sslrootcert : QString());
    m_redisPrefix->setText(p.params.redisPrefix);
    m_redisMatch->setText(p.params.isRedis() ? p.params.redisMatch : QString());
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
    if (m_driver->currentIndex() == 2) {
        p.params.driver = Driver::Redis;
        p.params.host = m_redisHost->text().trimmed();
        if (p.params.host.isEmpty())
            p.params.host = QStringLiteral("127.0.0.1");
        p.params.port = m_redisPort->value();
        p.params.redisDb = m_redisDb->value();
        p.params.user = m_redisUser->text().trimmed();
        p.params.password = m_redisPassword->text();
        p.params.redisTls = m_redisTls->isChecked();
        p.params.sslrootcert = m_redisCa->text().trimmed();
        p.params.redisPrefix = m_redisPrefix->text();
        p.params.redisMatch = m_redisMatch->text().trimmed();
        if (p.name.isEmpty())
            p.name = p.params.displayUrl();
    } else if (m_driver->currentIndex() == 1) {
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
