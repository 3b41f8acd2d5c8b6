#include "lease/ownersessions.h"

#include "db/database.h"
#include "lease/leaseinfo.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace lockscope {

namespace {

// The sessions by the name a lease maps to, each name to its oldest session.
class SessionIndex final {
public:
    explicit SessionIndex(QList<OwnerSession> sessions) {
        std::sort(sessions.begin(), sessions.end(), [](const auto &a, const auto &b) {
            return a.backendStart != b.backendStart ? a.backendStart < b.backendStart
                                                    : a.pid < b.pid;
        });
        for (const OwnerSession &s : std::as_const(sessions)) {
            if (!m_byName.contains(s.application))
                m_byName.insert(s.application, s);
            const QString owner = OwnerSessionName::ownerPart(s.application);
            if (owner.isEmpty())
                continue;
            if (!m_byOwner.contains(owner))
                m_byOwner.insert(owner, s);
        }
    }

    const OwnerSession *byName(const QString &name) const {
        const auto it = m_byName.constFind(name);
        return it == m_byName.cend() ? nullptr : &it.value();
    }
    // By the owner part exactly: a long owner id carries a hash of itself
    // (OwnerSessionName::compact), never matched by its first bytes alone.
    const OwnerSession *byOwner(const QString &ownerId) const {
        const auto it = m_byOwner.constFind(OwnerSessionName::compact(ownerId));
        return it == m_byOwner.cend() ? nullptr : &it.value();
    }

private:
    QHash<QString, OwnerSession> m_byName;
    QHash<QString, OwnerSession> m_byOwner;
};

OwnerStatus statusIn(const QString &token, const SessionIndex &index, const OwnerRule &rule) {
    OwnerStatus status;
    const OwnerSession *found = nullptr;
    // The rule first: the operator wrote it for tokens they know.
    if (const auto name = rule.applicationFor(token)) {
        found = index.byName(*name);
    } else {
        const QString owner = OwnerToken::ownerOf(token);
        if (owner.isEmpty())
            return status; // another program's token: unknown
        found = index.byOwner(owner);
    }
    status.connected = found != nullptr;
    if (found)
        status.session = *found;
    return status;
}

} // namespace

Result<QList<OwnerSession>> OwnerSessions::read(QSqlDatabase db, const ConnectionParams &params) {
    QList<OwnerSession> sessions;
    if (!params.isPostgres())
        return sessions;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // application_name is visible for every session; state, address and start
    // only to the session's role, pg_read_all_stats and superusers (else NULL).
    if (!q.exec(QStringLiteral(
            "SELECT pid, application_name, state, host(client_addr), client_port, usename, "
            "extract(epoch FROM backend_start)::float8 FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND application_name <> ''")))
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::OwnerSessions",
                                        "read the sessions of the lease owners"));
    while (q.next()) {
        OwnerSession s;
        s.pid = q.value(0).toLongLong();
        s.application = q.value(1).toString();
        s.state = q.value(2).toString();
        if (!q.isNull(3))
            s.clientAddr = q.value(3).toString();
        else if (!q.isNull(4) && q.value(4).toInt() == -1)
            s.clientAddr = QStringLiteral("local");
        s.user = q.value(5).toString();
        s.backendStart = q.isNull(6) ? 0.0 : q.value(6).toDouble();
        sessions.append(s);
    }
    return sessions;
}

OwnerStatus OwnerSessions::statusOf(const QString &token, const QList<OwnerSession> &sessions,
                                    const OwnerRule &rule) {
    const SessionIndex index(sessions);
    return statusIn(token, index, rule);
}

Status OwnerSessions::annotate(QSqlDatabase db, const ConnectionParams &params,
                               const OwnerRule &rule, QList<LeaseRow> &rows) {
    if (!params.isPostgres())
        return {};
    auto sessions = read(db, params);
    if (!sessions.ok())
        return sessions.error();
    const SessionIndex index(sessions.value());
    for (LeaseRow &row : rows)
        row.ownerStatus = statusIn(row.token, index, rule);
    return {};
}

} // namespace lockscope
