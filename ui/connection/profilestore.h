#pragma once

#include "db/connectionparams.h"

#include <QList>
#include <QString>

namespace lockscope::ui {

struct Profile {
    QString name;
    ConnectionParams params; // password always empty here
    bool readOnly = false;
};

// Saved connection profiles in QSettings. Passwords are never written here: they
// live in the system keychain (PasswordStore) or only in memory.
namespace ProfileStore {
QList<Profile> load();
void save(const Profile &profile);
void remove(const QString &name);
QString lastProfile();
void setLastProfile(const QString &name);
} // namespace ProfileStore

} // namespace lockscope::ui
