#pragma once

#include "db/connectionparams.h"
#include "load/loadsummary.h"

#include <QThreadPool>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace lockscope {
class CancelToken;
}

namespace lockscope::ui {

class LoadCharts;

// The Load tab: contention on demand. The engine runs off the GUI thread (plus
// optional lockctl child processes); samples arrive a few times a second and
// feed the charts and the per-key table. Its leases and advisory locks show up
// live in the other tabs while it runs.
class LoadPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadPanel)

public:
    explicit LoadPanel(QWidget *parent = nullptr);
    ~LoadPanel() override;

    // `readOnlyReason`, when not empty, keeps Start disabled and says why (a
    // read-only profile, lockscope --read-only): a load writes leases.
    void setConnection(const std::optional<ConnectionParams> &params,
                       const QString &readOnlyReason = QString());
    LoadConfig config() const;
    void setConfig(const LoadConfig &config);
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    LoadCharts *charts() const { return m_charts; }
    QTableWidget *keyTable() const { return m_keys; }
    QLabel *summaryLabel() const { return m_summary; }
    const std::optional<LoadSummary> &lastSummary() const { return m_last; }

Q_SIGNALS:
    void sampled(const lockscope::LoadSample &sample);
    void finished(const QString &summary);

private:
    void onSample(const LoadSample &sample);
    void onFinished(const Result<LoadSummary> &summary);
    void showKeys(const QList<LoadKeyStats> &keys, bool final);
    void updateControls();

    QComboBox *m_mode;
    QComboBox *m_scope;
    QSpinBox *m_threads;
    QSpinBox *m_processes;
    QSpinBox *m_keyCount;
    QDoubleSpinBox *m_skew;
    QSpinBox *m_holdMin;
    QSpinBox *m_holdMax;
    QSpinBox *m_ttl;
    QSpinBox *m_wait;
    QSpinBox *m_duration;
    QPushButton *m_start;
    QPushButton *m_stop;
    QLabel *m_summary;
    LoadCharts *m_charts;
    QTableWidget *m_keys;
    QThreadPool m_pool;
    std::optional<ConnectionParams> m_params;
    QString m_readOnlyReason;
    std::shared_ptr<CancelToken> m_cancel;
    std::optional<LoadSummary> m_last;
    QString m_lockctl;
    bool m_running = false;
};

} // namespace lockscope::ui
