#pragma once

#include "load/loadsummary.h"

#include <QWidget>

class QChart;
class QLineSeries;
class QValueAxis;

namespace lockscope::ui {

// Live charts of a load run: throughput, acquire latency percentiles and
// timeouts over time, one point per sample. For a semaphore run a fourth chart
// shows the most holders seen inside one key at once against the permits; for
// a reader-writer run, the entries that overlapped a writer.
class LoadCharts final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadCharts)

public:
    explicit LoadCharts(QWidget *parent = nullptr);
    ~LoadCharts() override;

    void clear();
    // Which fourth chart to show (none for lease, advisory and none modes).
    void setMode(LoadMode mode, int permits);
    void addSample(const LoadSample &sample);
    int pointCount() const;
    // The fourth chart: shown, its title, its last point (-1 when it has none).
    bool showsInside() const;
    QString insideTitle() const;
    double lastInsidePoint() const;
    // The charts' theme follows the palette (dark or light).
    bool isDarkTheme() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();
    QChart *makeChart(const QString &title, const QString &unit, QValueAxis **x, QValueAxis **y);

    QLineSeries *m_throughput;
    QLineSeries *m_p50;
    QLineSeries *m_p90;
    QLineSeries *m_p99;
    QLineSeries *m_timeouts;
    QLineSeries *m_inside;  // Semaphore: most inside so far; Rw: overlaps so far
    QLineSeries *m_permits; // Semaphore: the permits, a flat line
    QWidget *m_insideView = nullptr;
    QList<QChart *> m_charts;
    QValueAxis *m_x[4] = {};
    QValueAxis *m_y[4] = {};
    LoadMode m_mode = LoadMode::Lease;
    int m_permitCount = 0;
    double m_maxThroughput = 1;
    double m_maxLatency = 1;
    double m_maxTimeouts = 1;
    double m_maxInside = 1;
};

} // namespace lockscope::ui
