#include "locks/sessionactions.h"

#include "admin/backendactions.h"
#include "base/visibletext.h"

#include <QObject>
#include <QStringList>

namespace lockscope::ui {

QList<ServerSession> SessionActions::signallable(const QList<ServerSession> &sessions) {
    QList<ServerSession> out;
    for (const ServerSession &s : sessions) {
        if (s.known && s.pid > 0)
            out << s;
    }
    return out;
}

QString SessionActions::confirmation(const QList<ServerSession> &sessions, bool terminate) {
    QStringList lines;
    for (const ServerSession &s : sessions) {
        QString query = VisibleText::forDisplay(s.query.simplified());
        if (query.size() > 120)
            query = query.left(119) + QChar(0x2026);
        lines << QObject::tr("• pid %1 — user %2, application '%3'%4: %5")
                     .arg(s.pid)
                     .arg(VisibleText::forDisplay(s.user), VisibleText::forDisplay(s.application),
                          s.idleInTransaction() ? QObject::tr(", idle in transaction") : QString(),
                          query.isEmpty() ? QObject::tr("(no query)") : query);
    }
    const QString head =
        terminate ? QObject::tr("End these %n sessions? Their locks are released and their open "
                                "transactions roll back.",
                                nullptr, int(sessions.size()))
                  : QObject::tr("Cancel the running statement of these %n sessions?", nullptr,
                                int(sessions.size()));
    return head + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n')) +
           QObject::tr("\n\nEach one is recorded in the audit log.");
}

QString SessionActions::run(const ConnectionParams &params, const QList<int> &pids,
                            bool terminate) {
    QStringList lines;
    for (int pid : pids) {
        const auto sent =
            terminate ? BackendActions::terminateBackend(params, pid, QStringLiteral("lockscope"))
                      : BackendActions::cancelBackend(params, pid, QStringLiteral("lockscope"));
        if (!sent.ok())
            lines << QObject::tr("pid %1: %2").arg(pid).arg(sent.error().message);
        else if (!sent.value())
            lines << QObject::tr("pid %1: had already ended.").arg(pid);
        else
            lines << (terminate ? QObject::tr("pid %1: terminated.")
                                : QObject::tr("pid %1: statement cancelled."))
                         .arg(pid);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace lockscope::ui
