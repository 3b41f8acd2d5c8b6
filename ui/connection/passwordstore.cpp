#include "connection/passwordstore.h"

#ifdef LOCKSCOPE_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>

#include <QEventLoop>
#endif

namespace lockscope::ui {

#ifdef LOCKSCOPE_HAVE_KEYCHAIN
namespace {

const QString kService = QStringLiteral("LockScope");

// Runs a keychain job to completion (they report asynchronously).
bool runJob(QKeychain::Job &job) {
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec();
    return job.error() == QKeychain::NoError;
}

} // namespace

bool PasswordStore::available() {
    // This qtkeychain has no isAvailable(): ask for an entry that does not exist
    // and see whether a backend answered (once per process).
    static const bool answered = [] {
        QKeychain::ReadPasswordJob probe(kService);
        probe.setKey(QStringLiteral("lockscope-probe"));
        runJob(probe);
        return probe.error() == QKeychain::NoError || probe.error() == QKeychain::EntryNotFound;
    }();
    return answered;
}

std::optional<QString> PasswordStore::read(const QString &profile) {
    if (!available())
        return std::nullopt;
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(profile);
    if (!runJob(job))
        return std::nullopt;
    return job.textData();
}

bool PasswordStore::write(const QString &profile, const QString &password) {
    if (!available())
        return false;
    QKeychain::WritePasswordJob job(kService);
    job.setKey(profile);
    job.setTextData(password);
    return runJob(job);
}

void PasswordStore::remove(const QString &profile) {
    if (!available())
        return;
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(profile);
    runJob(job);
}
#else
bool PasswordStore::available() {
    return false;
}
std::optional<QString> PasswordStore::read(const QString &) {
    return std::nullopt;
}
bool PasswordStore::write(const QString &, const QString &) {
    return false;
}
void PasswordStore::remove(const QString &) {}
#endif

} // namespace lockscope::ui
