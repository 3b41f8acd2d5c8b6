#pragma once

#include "base/result.h"
#include "monitor/monitorsample.h"

#include <QList>
#include <QPointF>
#include <QTimer>
#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QPushButton;
class QValueAxis;

namespace lockscope::ui {

class Monitor;

// The History tab: what every refresh saw, over time, from LockScope's history
// file (read on the monitor's worker thread), growing live while it is shown.
// A range selector (last 15 minutes … 48 hours), zoom by dragging a rubber band
// over the time axis, Reset zoom, and Export CSV of the range shown.
//
// The live chart costs the GUI thread one geometry update per line per redraw
// (Qt Charts recomputes a line's whole path on replace() and on every axis
// change), so new samples are drawn at most once a second (a burst waits for
// the next second, in one batch), each line keeps at most one point per
// 1/1500 of the range shown (the peak of that slice, as the file's thinned
// read does), the time axis moves in steps of 1/120 of the range rather than
// with every sample, and an axis is set only when its range changes.
class HistoryTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryTab)

public:
    explicit HistoryTab(Monitor *monitor, QWidget *parent = nullptr);
    ~HistoryTab() override;

    // Reads the selected range again (a new source, a new range, Reset zoom).
    void reload();
    // Shows [from, to] (epoch seconds), as a rubber band does.
    void zoomTo(double from, double to);
    void resetZoom();
    bool isZoomed() const { return m_zoomed; }
    // The range on screen, epoch seconds.
    double shownFrom() const;
    double shownTo() const;
    // Writes the samples of the range shown; asks for a file when `path` is empty.
    void exportCsv(const QString &path = QString());

    QComboBox *rangeBox() const { return m_range; }
    QChartView *chartView() const { return m_view; }
    QChart *chart() const { return m_chart; }
    QPushButton *resetButton() const { return m_reset; }
    QPushButton *exportButton() const { return m_export; }
    QLabel *summary() const { return m_summary; }
    // Points per series now on the chart (the waiting sessions' line).
    int pointCount() const;
    QLineSeries *series(int index) const { return m_series.value(index); }

Q_SIGNALS:
    void loaded();
    void exported(int rows, const QString &error);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showSamples(const QList<MonitorSample> &samples);
    void append(const MonitorSample &sample);
    // Draws the samples appended since the last draw.
    void drawPending();
    void setPoints(QList<QList<QPointF>> points);
    void setRange(double from, double to);
    void fitValues();
    void applyTheme();
    void stylePens();
    double windowSeconds() const;

    Monitor *m_monitor;
    QComboBox *m_range;
    QPushButton *m_reset;
    QPushButton *m_export;
    QLabel *m_summary;
    QChart *m_chart;
    QChartView *m_view;
    QDateTimeAxis *m_time;
    QValueAxis *m_counts;
    QValueAxis *m_seconds;
    QList<QLineSeries *> m_series; // waiting, blocking, held, expired, adv held, adv waiting, wait
    // What each line shows (the same as its points(), kept to avoid copies).
    QList<QList<QPointF>> m_points;
    QList<MonitorSample> m_pending; // appended, not drawn yet
    QTimer m_drawTimer;
    double m_lastDrawn = 0; // sample clock of the last draw
    quint64 m_generation = 0;
    bool m_zoomed = false;
    bool m_settingRange = false;
    bool m_loading = false;
};

} // namespace lockscope::ui
