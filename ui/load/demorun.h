#pragma once

#include "load/loadconfig.h"
#include "load/loadsummary.h"

#include <QObject>

#include <chrono>
#include <optional>

namespace lockscope::ui {

class LoadPanel;

// The demo: two short runs of the Load tab's engine, one after the other, that
// stop by themselves. First a few threads fight over three keys with leases
// held for about a second (they appear in the Leases tab, count down and pass
// from owner to owner); then the same read-modify-write without any lock, the
// control, which loses updates. At the end it says what was shown. Every lease
// of both runs is released by the engine, which checks that none is left.
class DemoRun final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoRun)

public:
    enum class Phase { Idle, Leases, Control };

    explicit DemoRun(LoadPanel *panel, QObject *parent = nullptr);
    ~DemoRun() override;

    // Shorter runs for tests; the defaults are 12 s and 4 s.
    void setDurations(std::chrono::milliseconds leases, std::chrono::milliseconds control);
    static LoadConfig leaseConfig(std::chrono::milliseconds duration);
    static LoadConfig controlConfig(std::chrono::milliseconds duration);

    // False (and nothing starts) when the panel has no connection or already runs.
    bool start();
    // Ends the current run at once; finished() follows with what ran so far.
    void stop();
    bool isRunning() const { return m_phase != Phase::Idle; }
    Phase phase() const { return m_phase; }
    QString summary() const { return m_summary; }
    const std::optional<LoadSummary> &leaseSummary() const { return m_lease; }
    const std::optional<LoadSummary> &controlSummary() const { return m_control; }

Q_SIGNALS:
    void phaseChanged(lockscope::ui::DemoRun::Phase phase, const QString &description);
    void finished(const QString &summary);

private:
    void onPanelFinished(const QString &text);
    void finish(const QString &failure);
    QString describe() const;

    LoadPanel *m_panel;
    Phase m_phase = Phase::Idle;
    std::chrono::milliseconds m_leaseDuration{12'000};
    std::chrono::milliseconds m_controlDuration{4'000};
    std::optional<LoadSummary> m_lease;
    std::optional<LoadSummary> m_control;
    std::optional<LoadConfig> m_before; // the panel's own settings, put back at the end
    bool m_stopped = false;
    QString m_summary;
};

} // namespace lockscope::ui
