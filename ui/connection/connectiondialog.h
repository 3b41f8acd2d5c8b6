#pragma once

#include "connection/profilestore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace lockscope::ui {

// Chooses, edits and saves connection profiles. The password field is never
// saved with the profile: with a keychain it can be remembered there, otherwise
// it lives only in memory for this session. A URL typed or pasted into the URL
// field (postgres://, sqlite:, redis://, rediss://) fills the fields.
class ConnectionDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // The profile as entered, with the password (in memory) when one was typed.
    Profile profile() const;
    void setProfile(const Profile &profile);
    // Saves the profile (and, if asked, the password in the keychain).
    void saveProfile();

private:
    void loadProfiles();
    void profileChosen(int index);
    void driverChanged();
    // Fills the fields from a postgres://, sqlite:, redis:// or rediss:// URL
    // (its password goes into the password field, in memory only).
    void applyUrl();

    QComboBox *m_profiles;
    QLineEdit *m_name;
    QComboBox *m_driver;
    QStackedWidget *m_pages;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_sslmode;
    QLineEdit *m_sslrootcert;
    QCheckBox *m_remember;
    QLineEdit *m_sqlitePath;
    QLineEdit *m_url;
    QLineEdit *m_redisHost;
    QSpinBox *m_redisPort;
    QSpinBox *m_redisDb;
    QLineEdit *m_redisUser;
    QLineEdit *m_redisPassword;
    QCheckBox *m_redisTls;
    QLineEdit *m_redisCa;
    QLineEdit *m_redisPrefix;
    QLineEdit *m_redisMatch;
    QLabel *m_urlError;
    QCheckBox *m_readOnly;
    QLabel *m_hint;
    QList<Profile> m_saved;
};

} // namespace lockscope::ui
