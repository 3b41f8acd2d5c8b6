#pragma once

#include "load/loadsummary.h"

#include <QWidget>

class QChart;
class QLineSeries;
class QValueAxis;

namespace lockscope::ui {

// Live charts of a load run: throughput, acquire latency percentiles and
// timeouts over time, one point per sample.
class LoadCharts final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadCharts)

public:
    explicit LoadCharts(QWidget *parent = nullptr);
    ~LoadCharts() override;

    void clear();
    void addSample(const LoadSample &sample);
    int pointCount() const;
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
    QList<QChart *> m_charts;
    QValueAxis *m_x[3] = {};
    QValueAxis *m_y[3] = {};
    double m_maxThroughput = 1;
    double m_maxLatency = 1;
    double m_maxTimeouts = 1;
};

} // namespace lockscope::ui
