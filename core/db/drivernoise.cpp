#include "db/drivernoise.h"

#include <QString>
#include <QtGlobal>

#include <atomic>

namespace lockscope {

namespace {

std::atomic<QtMessageHandler> g_previous{nullptr};

void filter(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    // The driver's socket notifier on a listening connection the server closed.
    if (type == QtWarningMsg &&
        (message.startsWith(QLatin1String("Unable to free statement")) ||
         message.startsWith(QLatin1String("QSocketNotifier: Invalid socket"))))
        return;
    if (const QtMessageHandler previous = g_previous.load())
        previous(type, context, message);
}

} // namespace

void DriverNoise::install() {
    static std::atomic<bool> installed{false};
    if (installed.exchange(true))
        return;
    g_previous.store(qInstallMessageHandler(filter));
}

} // namespace lockscope
