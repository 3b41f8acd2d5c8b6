#pragma once

#include "monitor/alert.h"
#include "monitor/alertrules.h"
#include "monitor/monitorsample.h"

#include <QHash>
#include <QList>

namespace lockscope::ui {

struct AlertEvent {
    enum class Kind { Started, Raised, Ended };
    Kind kind = Kind::Started;
    Alert alert;
};

// Evaluates the rules on every sample and tracks each alert instance from its
// start to its end. How long a condition has held is read from the data itself
// (how long the sessions behind a blocker have waited, how long ago a lease
// expired), so an alert starts only once its condition has held for the rule's
// duration — the debounce — also right after LockScope started, and ends at the
// first sample in which it no longer holds. Where the data holds no such time
// (an owner that has gone, a Redis key without TTL), the engine remembers the
// first sample that showed the item and counts from there. Plain object, no
// clock of its own: time is the sample's.
class AlertEngine final {
public:
    void setRules(const AlertRules &rules) { m_rules = rules; }
    const AlertRules &rules() const { return m_rules; }

    QList<AlertEvent> update(const MonitorSample &sample);
    // The connection closed: every open alert ends at `now`.
    QList<AlertEvent> endAll(double now);
    // Alerts of earlier runs (from the history file), shown as ended.
    void restore(const QList<Alert> &previous);

    // Open alerts first (newest first), then ended ones (most recently ended
    // first), at most `kKeepEnded` of those.
    QList<Alert> alerts() const;
    int openCount() const { return static_cast<int>(m_open.size()); }
    bool hasOpenCritical() const;

    static constexpr int kKeepEnded = 500;

private:
    struct Finding {
        QString rule;
        QString subject;
        Alert::Severity severity;
        QString text;
    };
    QList<Finding> evaluate(const MonitorSample &sample) const;
    // Remembers when each owner-gone / no-expiry item of the sample's source
    // was first seen; forgets the items the sample no longer has.
    void track(const MonitorSample &sample);
    double seenFor(const QString &key, double now) const;
    qint64 nextId(double now);
    void retire(Alert alert, double now, QList<AlertEvent> &events);

    AlertRules m_rules;
    QHash<QString, Alert> m_open;       // source|rule|subject
    QHash<QString, double> m_firstSeen; // source|rule|item -> sample time
    QList<Alert> m_ended;               // most recently ended first
    qint64 m_lastId = 0;
};

} // namespace lockscope::ui
