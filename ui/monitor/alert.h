#pragma once

#include <QMetaType>
#include <QString>

namespace lockscope::ui {

// One alert instance: a rule that held for one subject (a blocking pid, the
// expired leases) from `since` until `ended` (-1 while it is open).
struct Alert {
    enum class Severity { Warning = 1, Critical = 2 };
    qint64 id = 0; // unique within a run and across runs (start time in ms, made unique)
    QString source;
    QString rule;    // "blocker", "expired-leases", "owner-gone", "redis-no-expiry"
    QString subject; // "pid 4242", "owner app-1"; empty for a rule with one instance per source
    Severity severity = Severity::Warning;
    QString text; // what, for a person (the latest one while open)
    double since = 0;
    double ended = -1;

    bool isOpen() const { return ended < 0; }
    bool operator==(const Alert &) const = default;
};

QString severityName(Alert::Severity severity); // "WARNING", "CRITICAL"

} // namespace lockscope::ui

Q_DECLARE_METATYPE(lockscope::ui::Alert)
