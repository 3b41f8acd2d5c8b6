#pragma once

class QSettings;

namespace lockscope::ui {

// The thresholds of the alert rules, with the defaults a DBA would choose;
// stored in QSettings (group "alerts/").
struct AlertRules {
    // A session that blocks at least `blockerSessions` others (directly or not)
    // for `blockerWarnS` is a WARNING, for `blockerCritS` CRITICAL.
    bool blockerEnabled = true;
    int blockerSessions = 3;
    // The largest `blockerSessions` the rules take (the dialog's maximum; a
    // larger saved value is clamped): a sample keeps the waits of this many
    // sessions behind each blocker, so every threshold offered can fire.
    static constexpr int kMaxBlockerSessions = 10000;
    int blockerWarnS = 300;
    int blockerCritS = 600;
    // At least `expiredLeases` leases expired `expiredForS` ago or longer and
    // still in the table (nobody swept them): a WARNING.
    bool expiredEnabled = true;
    int expiredLeases = 1;
    int expiredForS = 600;
    // A live lease whose owner has had no session on the server (PostgreSQL:
    // owner_connected false, never unknown) for `ownerGoneForS`: a WARNING per
    // owner. The time counts from the first refresh that found it gone, so an
    // owner that reconnects within it raises nothing.
    bool ownerGoneEnabled = true;
    int ownerGoneForS = 120;
    // A Redis lock key without TTL (it never frees itself) present for
    // `noExpiryForS`: a WARNING, one per connection naming the keys.
    bool noExpiryEnabled = true;
    int noExpiryForS = 60;

    static AlertRules load(QSettings &settings);
    void save(QSettings &settings) const;
    bool operator==(const AlertRules &) const = default;
};

} // namespace lockscope::ui
