#include "load/demorun.h"

#include "load/loadpanel.h"

#include <QLabel>

#include <QLocale>

namespace lockscope::ui {

using std::chrono::milliseconds;

DemoRun::DemoRun(LoadPanel *panel, QObject *parent)
    : QObject(parent)
    , m_panel(panel) {
    connect(m_panel, &LoadPanel::finished, this, &DemoRun::onPanelFinished);
}

DemoRun::~DemoRun() = default;

void DemoRun::setDurations(milliseconds leases, milliseconds control) {
    m_leaseDuration = leases;
    m_controlDuration = control;
}

LoadConfig DemoRun::leaseConfig(milliseconds duration) {
    LoadConfig c;
    c.mode = LoadMode::Lease;
    c.threads = 6;
    c.processes = 0;
    c.keys = 3;
    c.skew = 0;
    // Held long enough to be seen and counted down between refreshes, and
    // released well before the TTL: owners hand over, nothing expires.
    c.holdMin = milliseconds(400);
    c.holdMax = milliseconds(1200);
    c.ttl = milliseconds(10'000);
    c.maxWait = milliseconds(10'000);
    c.duration = duration;
    return c;
}

LoadConfig DemoRun::controlConfig(milliseconds duration) {
    LoadConfig c = leaseConfig(duration);
    c.mode = LoadMode::None;
    // Short pauses between the read and the write: many overlapping updates.
    c.holdMin = milliseconds(5);
    c.holdMax = milliseconds(20);
    return c;
}

bool DemoRun::start() {
    if (isRunning() || m_panel->isRunning())
        return false;
    m_lease.reset();
    m_control.reset();
    m_summary.clear();
    m_stopped = false;
    m_before = m_panel->config();
    m_panel->setConfig(leaseConfig(m_leaseDuration));
    m_panel->start();
    if (!m_panel->isRunning()) {
        m_panel->setConfig(*m_before);
        m_before.reset();
        return false;
    }
    m_phase = Phase::Leases;
    const LoadConfig c = leaseConfig(m_leaseDuration);
    Q_EMIT phaseChanged(m_phase,
                        tr("Demo, part 1 of 2: %1 threads take turns on %2 keys with leases, "
                           "each held for about a second. Watch them count down and pass from "
                           "owner to owner.")
                            .arg(c.threads)
                            .arg(c.keys));
    return true;
}

void DemoRun::stop() {
    if (!isRunning())
        return;
    m_stopped = true;
    m_panel->stop();
}

void DemoRun::onPanelFinished(const QString &text) {
    if (m_phase == Phase::Idle)
        return; // a run the user started on the Load tab
    if (!m_panel->lastSummary()) {
        finish(text); // the run failed: the panel's text says why
        return;
    }
    if (m_phase == Phase::Leases) {
        m_lease = m_panel->lastSummary();
        if (m_stopped) {
            finish(QString());
            return;
        }
        m_panel->setConfig(controlConfig(m_controlDuration));
        m_panel->start();
        if (!m_panel->isRunning()) {
            finish(m_panel->summaryLabel()->text()); // why it could not start
            return;
        }
        m_phase = Phase::Control;
        Q_EMIT phaseChanged(m_phase,
                            tr("Demo, part 2 of 2: the same read-modify-write on the same keys, "
                               "without any lock (the control). Watch the charts."));
        return;
    }
    m_control = m_panel->lastSummary();
    finish(QString());
}

void DemoRun::finish(const QString &failure) {
    m_phase = Phase::Idle;
    if (m_before) {
        m_panel->setConfig(*m_before);
        m_before.reset();
    }
    m_summary = failure.isEmpty() ? describe() : tr("The demo stopped: %1").arg(failure);
    Q_EMIT finished(m_summary);
}

QString DemoRun::describe() const {
    const QLocale locale;
    QStringList parts;
    if (m_lease) {
        const LoadSummary &s = *m_lease;
        double waitTotal = 0;
        double waitMax = 0;
        for (const LoadKeyStats &k : s.perKey) {
            waitTotal += k.waitTotalMs;
            waitMax = std::max(waitMax, k.waitMaxMs);
        }
        const double meanWait = s.acquisitions ? waitTotal / double(s.acquisitions) : 0;
        parts << tr("With leases, %1 threads acquired %2 leases on %3 keys in %4 s; a thread "
                    "waited %5 ms on average for its key (at most %6 ms) and %7 gave up "
                    "waiting.")
                     .arg(s.threads)
                     .arg(locale.toString(s.acquisitions))
                     .arg(s.perKey.size())
                     .arg(locale.toString(s.seconds, 'f', 1))
                     .arg(locale.toString(meanWait, 'f', 0))
                     .arg(locale.toString(waitMax, 'f', 0))
                     .arg(locale.toString(s.timeouts));
        parts << (s.violations == 0
                      ? tr("Every update counted: one holder per key at a time.")
                      : tr("%n update(s) were lost even under the lease — that is a bug worth "
                           "reporting.",
                           nullptr, int(s.violations)));
    }
    if (m_control) {
        const LoadSummary &s = *m_control;
        parts << tr("Without a lock, the same work made %1 updates in %2 s and lost %n of them: "
                    "two threads read the same value and the second write overwrote the first.",
                    nullptr, int(s.violations))
                     .arg(locale.toString(s.acquisitions))
                     .arg(locale.toString(s.seconds, 'f', 1));
    } else if (m_lease) {
        parts << tr("The control run without a lock was skipped.");
    }
    const qint64 left = (m_lease ? std::max<qint64>(0, m_lease->leftoverLeases) : 0) +
                        (m_control ? std::max<qint64>(0, m_control->leftoverLeases) : 0);
    if (m_lease && left == 0 && m_lease->leftoverLeases == 0)
        parts << tr("No lease of the demo is left behind.");
    else if (left > 0)
        parts << tr("%n lease(s) of the demo were left behind.", nullptr, int(left));
    return parts.join(QLatin1Char(' '));
}

} // namespace lockscope::ui
