#include "monitor/alertengine.h"

#include "base/duration.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace lockscope::ui {

namespace {

QString keyOf(const QString &source, const QString &rule, const QString &subject) {
    return source + QLatin1Char('|') + rule + QLatin1Char('|') + subject;
}

QString tr(const char *text) {
    return QCoreApplication::translate("AlertEngine", text);
}

QString span(int seconds) {
    return Duration::formatRemaining(seconds);
}

} // namespace

QList<AlertEngine::Finding> AlertEngine::evaluate(const MonitorSample &s) const {
    QList<Finding> out;
    if (m_rules.blockerEnabled) {
        const int n = m_rules.blockerSessions;
        for (const BlockerStat &b : s.rootBlockers) {
            if (b.waits.size() < n)
                continue;
            // It has blocked n sessions for as long as the n-th longest wait.
            const double held = b.waits.at(n - 1);
            if (held < m_rules.blockerWarnS)
                continue;
            const bool critical = held >= m_rules.blockerCritS;
            out.append({QStringLiteral("blocker"), QStringLiteral("pid %1").arg(b.pid),
                        critical ? Alert::Severity::Critical : Alert::Severity::Warning,
                        tr("Session %1 blocks %2 sessions; %3 of them have waited %4 or longer.")
                            .arg(b.pid)
                            .arg(b.blockedTotal)
                            .arg(n)
                            .arg(span(critical ? m_rules.blockerCritS : m_rules.blockerWarnS))});
        }
    }
    if (m_rules.expiredEnabled) {
        const auto old = std::count_if(s.expiredAges.cbegin(), s.expiredAges.cend(),
                                       [&](double age) { return age >= m_rules.expiredForS; });
        if (old >= m_rules.expiredLeases) {
            out.append({QStringLiteral("expired-leases"), QString(), Alert::Severity::Warning,
                        tr("%1 leases expired %2 ago or longer and were never swept "
                           "(the oldest %3 ago).")
                            .arg(old)
                            .arg(span(m_rules.expiredForS))
                            .arg(span(static_cast<int>(s.expiredAges.first())))});
        }
    }
    if (m_rules.ownerGoneEnabled) {
        for (const GoneOwnerStat &g : s.goneOwners) {
            const double gone =
                seenFor(keyOf(s.source, QStringLiteral("owner-gone"), g.owner), s.time);
            if (gone < m_rules.ownerGoneForS)
                continue;
            out.append({QStringLiteral("owner-gone"), QStringLiteral("owner %1").arg(g.owner),
                        Alert::Severity::Warning,
                        tr("Owner %1 holds %2 live leases but has had no session on the server "
                           "for %3 or longer.")
                            .arg(g.owner)
                            .arg(g.leases)
                            .arg(span(m_rules.ownerGoneForS))});
        }
    }
    if (m_rules.noExpiryEnabled) {
        QStringList old;
        for (const QString &key : s.noExpiryKeys) {
            if (seenFor(keyOf(s.source, QStringLiteral("redis-no-expiry"), key), s.time) >=
                m_rules.noExpiryForS)
                old << key;
        }
        if (!old.isEmpty()) {
            constexpr int kNamed = 5;
            QString named = old.mid(0, kNamed).join(QLatin1String(", "));
            if (old.size() > kNamed)
                named += QLatin1String(", …");
            out.append({QStringLiteral("redis-no-expiry"), QString(), Alert::Severity::Warning,
                        tr("%1 lock keys have had no expiry (TTL) for %2 or longer: %3.")
                            .arg(old.size())
                            .arg(span(m_rules.noExpiryForS))
                            .arg(named)});
        }
    }
    return out;
}

void AlertEngine::track(const MonitorSample &s) {
    QSet<QString> now;
    for (const GoneOwnerStat &g : s.goneOwners)
        now.insert(keyOf(s.source, QStringLiteral("owner-gone"), g.owner));
    for (const QString &key : s.noExpiryKeys)
        now.insert(keyOf(s.source, QStringLiteral("redis-no-expiry"), key));
    const QString prefix = s.source + QLatin1Char('|');
    for (auto it = m_firstSeen.begin(); it != m_firstSeen.end();) {
        if (it.key().startsWith(prefix) && !now.contains(it.key()))
            it = m_firstSeen.erase(it);
        else
            ++it;
    }
    for (const QString &key : std::as_const(now)) {
        if (!m_firstSeen.contains(key))
            m_firstSeen.insert(key, s.time);
    }
}

double AlertEngine::seenFor(const QString &key, double now) const {
    const auto it = m_firstSeen.constFind(key);
    return it == m_firstSeen.cend() ? 0.0 : now - it.value();
}

qint64 AlertEngine::nextId(double now) {
    m_lastId = std::max(m_lastId + 1, static_cast<qint64>(std::llround(now * 1000.0)));
    return m_lastId;
}

void AlertEngine::retire(Alert alert, double now, QList<AlertEvent> &events) {
    alert.ended = now;
    events.append({AlertEvent::Kind::Ended, alert});
    m_ended.prepend(alert);
    if (m_ended.size() > kKeepEnded)
        m_ended.resize(kKeepEnded);
}

QList<AlertEvent> AlertEngine::update(const MonitorSample &sample) {
    QList<AlertEvent> events;
    track(sample);
    QHash<QString, Finding> found;
    for (const Finding &f : evaluate(sample))
        found.insert(keyOf(sample.source, f.rule, f.subject), f);
    // Ended: open alerts of this source whose condition no longer holds.
    for (auto it = m_open.begin(); it != m_open.end();) {
        if (it->source == sample.source && !found.contains(it.key())) {
            retire(*it, sample.time, events);
            it = m_open.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        const Finding &f = it.value();
        auto open = m_open.find(it.key());
        if (open == m_open.end()) {
            Alert a;
            a.id = nextId(sample.time);
            a.source = sample.source;
            a.rule = f.rule;
            a.subject = f.subject;
            a.severity = f.severity;
            a.text = f.text;
            a.since = sample.time;
            m_open.insert(it.key(), a);
            events.append({AlertEvent::Kind::Started, a});
        } else if (f.severity > open->severity) {
            open->severity = f.severity;
            open->text = f.text;
            events.append({AlertEvent::Kind::Raised, *open});
        } else {
            open->text = f.text; // the counts of the moment; no event
        }
    }
    return events;
}

QList<AlertEvent> AlertEngine::endAll(double now) {
    QList<AlertEvent> events;
    for (const Alert &a : std::as_const(m_open))
        retire(a, now, events);
    m_open.clear();
    m_firstSeen.clear();
    return events;
}

void AlertEngine::restore(const QList<Alert> &previous) {
    for (Alert a : previous) {
        m_lastId = std::max(m_lastId, a.id);
        if (a.isOpen())
            continue; // open when LockScope stopped: nobody saw it end; not shown as ended
        m_ended.append(a);
    }
    std::sort(m_ended.begin(), m_ended.end(),
              [](const Alert &a, const Alert &b) { return a.ended > b.ended; });
    if (m_ended.size() > kKeepEnded)
        m_ended.resize(kKeepEnded);
}

QList<Alert> AlertEngine::alerts() const {
    QList<Alert> open = m_open.values();
    std::sort(open.begin(), open.end(), [](const Alert &a, const Alert &b) { return a.id > b.id; });
    return open + m_ended;
}

bool AlertEngine::hasOpenCritical() const {
    return std::any_of(m_open.cbegin(), m_open.cend(),
                       [](const Alert &a) { return a.severity == Alert::Severity::Critical; });
}

} // namespace lockscope::ui
