#include "history/historytab.h"

#include "common/statecolors.h"
#include "common/whenfinished.h"
#include "monitor/monitor.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace lockscope::ui {

namespace {

constexpr int kMaxPoints = 1500;
constexpr int kSeconds = 6; // the series on the seconds axis
constexpr double kMinDrawIntervalS = 1.0;
constexpr int kAxisSteps = 120; // the time axis moves by 1/120 of the range

// A round upper bound for an axis from 0 over 4 ticks: 4 × (1, 2, 2.5 or 5 × 10^k).
double niceMax(double value) {
    const double step = std::max(value, 1e-9) / 4.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(step)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m * magnitude >= step)
            return 4.0 * m * magnitude;
    }
    return 40.0 * magnitude;
}

double nowS() {
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

QDateTime at(double s) {
    return QDateTime::fromMSecsSinceEpoch(std::llround(s * 1000.0));
}

double msOf(double s) {
    return s * 1000.0;
}

// A sample's values, in the order of m_series; NaN where not known.
QList<double> valuesOf(const MonitorSample &s) {
    const auto known = [](int v) {
        return v < 0 ? std::nan("") : static_cast<double>(v);
    };
    return {known(s.waiting),
            known(s.blockers),
            static_cast<double>(s.heldLeases),
            static_cast<double>(s.expiredLeases),
            known(s.advisoryHeld),
            known(s.advisoryWaiting),
            s.waiting < 0 ? std::nan("") : s.longestWait};
}

} // namespace

HistoryTab::HistoryTab(Monitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_range(new QComboBox(this))
    , m_reset(new QPushButton(tr("&Reset zoom"), this))
    , m_export(new QPushButton(tr("E&xport CSV…"), this))
    , m_summary(new QLabel(this))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_time(new QDateTimeAxis(this))
    , m_counts(new QValueAxis(this))
    , m_seconds(new QValueAxis(this)) {
    m_range->setObjectName(QStringLiteral("historyRange"));
    m_range->addItem(tr("Last 15 minutes"), 15 * 60);
    m_range->addItem(tr("Last hour"), 3600);
    m_range->addItem(tr("Last 6 hours"), 6 * 3600);
    m_range->addItem(tr("Last 24 hours"), 24 * 3600);
    m_range->addItem(tr("Last 48 hours"), 48 * 3600);
    m_range->setCurrentIndex(1);
    m_range->setToolTip(tr("Which part of the history to show. Drag over the chart to zoom "
                           "into a range."));
    m_reset->setObjectName(QStringLiteral("historyResetZoom"));
    m_export->setObjectName(QStringLiteral("historyExport"));
    m_export->setToolTip(tr("Every sample of the range shown, as CSV."));
    m_summary->setObjectName(QStringLiteral("historySummary"));

    m_chart->setTitle(tr("Waits, blockers and locks over time"));
    m_chart->setLocalizeNumbers(true);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTitleText(tr("time"));
    m_counts->setTitleText(tr("count"));
    m_counts->setLabelFormat(QStringLiteral("%.0f"));
    m_seconds->setTitleText(tr("longest wait (s)"));
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_counts, Qt::AlignLeft);
    m_chart->addAxis(m_seconds, Qt::AlignRight);
    const char *const names[] = {QT_TR_NOOP("waiting sessions"), QT_TR_NOOP("blocking sessions"),
                                 QT_TR_NOOP("held leases"),      QT_TR_NOOP("expired leases"),
                                 QT_TR_NOOP("advisory held"),    QT_TR_NOOP("advisory waiting"),
                                 QT_TR_NOOP("longest wait")};
    for (int i = 0; i < 7; ++i) {
        auto *line = new QLineSeries;
        line->setName(tr(names[i]));
        m_chart->addSeries(line);
        line->attachAxis(m_time);
        line->attachAxis(i == kSeconds ? m_seconds : m_counts);
        m_series << line;
    }
    stylePens();
    m_view->setObjectName(QStringLiteral("historyChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRubberBand(QChartView::HorizontalRubberBand);
    m_view->setMinimumHeight(240);
    // A rubber band (or a wheel) changes the time axis: that is a zoom.
    connect(m_time, &QDateTimeAxis::rangeChanged, this, [this] {
        if (!m_settingRange)
            m_zoomed = true;
        const double span = shownTo() - shownFrom();
        m_time->setFormat(span > 86400  ? QStringLiteral("dd.MM. HH:mm")
                          : span < 2    ? QStringLiteral("HH:mm:ss.zzz")
                          : span < 1800 ? QStringLiteral("HH:mm:ss")
                                        : QStringLiteral("HH:mm"));
        // Labels in whole seconds: ticks closer than a second would repeat one.
        m_time->setTickCount(span >= 4 ? 5 : std::max(2, int(std::floor(span)) + 1));
    });
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] { resetZoom(); });
    connect(m_reset, &QPushButton::clicked, this, &HistoryTab::resetZoom);
    connect(m_export, &QPushButton::clicked, this, [this] { exportCsv(); });
    connect(m_monitor, &Monitor::sampled, this, &HistoryTab::append);
    m_drawTimer.setSingleShot(true);
    m_drawTimer.setInterval(std::chrono::milliseconds(std::lround(kMinDrawIntervalS * 1000)));
    connect(&m_drawTimer, &QTimer::timeout, this, &HistoryTab::drawPending);
    m_points.resize(m_series.size());
    m_counts->setTickCount(5);
    m_seconds->setTickCount(5);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show:"), this));
    top->addWidget(m_range);
    top->addWidget(m_reset);
    top->addWidget(m_export);
    top->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    const double now = nowS();
    setRange(now - windowSeconds(), now);
    applyTheme();
}

HistoryTab::~HistoryTab() = default;

double HistoryTab::windowSeconds() const {
    return m_range->currentData().toDouble();
}

double HistoryTab::shownFrom() const {
    return static_cast<double>(m_time->min().toMSecsSinceEpoch()) / 1000.0;
}

double HistoryTab::shownTo() const {
    return static_cast<double>(m_time->max().toMSecsSinceEpoch()) / 1000.0;
}

int HistoryTab::pointCount() const {
    return static_cast<int>(m_series.first()->count());
}

void HistoryTab::setRange(double from, double to) {
    m_settingRange = true;
    m_time->setRange(at(from), at(std::max(to, from + 1)));
    m_settingRange = false;
}

void HistoryTab::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    reload();
}

void HistoryTab::resetZoom() {
    m_zoomed = false;
    reload();
}

void HistoryTab::zoomTo(double from, double to) {
    m_zoomed = true;
    const quint64 generation = ++m_generation;
    m_loading = true;
    whenFinished(m_monitor->read(from, to, kMaxPoints), this,
                 [this, generation, from, to](const Result<QList<MonitorSample>> &rows) {
                     if (generation != m_generation)
                         return;
                     m_loading = false;
                     if (!rows.ok()) {
                         m_summary->setText(rows.error().message);
                         return;
                     }
                     showSamples(rows.value());
                     m_settingRange = true;
                     m_time->setRange(at(from), at(to));
                     m_settingRange = false;
                     m_zoomed = true;
                     Q_EMIT loaded();
                 });
}

void HistoryTab::reload() {
    const double to = nowS();
    const double from = to - windowSeconds();
    const quint64 generation = ++m_generation;
    m_loading = true;
    whenFinished(m_monitor->read(from, to, kMaxPoints), this,
                 [this, generation, from, to](const Result<QList<MonitorSample>> &rows) {
                     if (generation != m_generation)
                         return;
                     m_loading = false;
                     if (!rows.ok()) {
                         m_summary->setText(rows.error().message);
                         return;
                     }
                     showSamples(rows.value());
                     if (!m_zoomed)
                         setRange(from, to);
                     Q_EMIT loaded();
                 });
}

void HistoryTab::showSamples(const QList<MonitorSample> &samples) {
    QList<QList<QPointF>> points(m_series.size());
    for (const MonitorSample &s : samples) {
        const QList<double> v = valuesOf(s);
        for (int i = 0; i < m_series.size(); ++i) {
            if (!std::isnan(v.at(i)))
                points[i].append(QPointF(msOf(s.time), v.at(i)));
        }
    }
    m_pending.clear();
    m_drawTimer.stop();
    if (!samples.isEmpty())
        m_lastDrawn = samples.last().time;
    setPoints(std::move(points));
    m_summary->setText(m_monitor->source().isEmpty()
                           ? tr("Connect to a database: every refresh is recorded here.")
                           : tr("%n sample(s) of %1.", nullptr, static_cast<int>(samples.size()))
                                 .arg(m_monitor->source()));
}

void HistoryTab::append(const MonitorSample &s) {
    if (!isVisible() || m_loading || m_zoomed)
        return; // read from the file when shown; a zoomed range stays as it is
    m_pending.append(s);
    if (s.time - m_lastDrawn >= kMinDrawIntervalS)
        drawPending();
    else if (!m_drawTimer.isActive())
        m_drawTimer.start(); // the rest of this second in one draw
}

void HistoryTab::drawPending() {
    m_drawTimer.stop();
    if (m_pending.isEmpty() || !isVisible() || m_loading || m_zoomed) {
        m_pending.clear();
        return;
    }
    const double last = m_pending.last().time;
    const double window = windowSeconds();
    const double bucketMs = msOf(window / kMaxPoints);
    QList<QList<QPointF>> points = m_points;
    for (const MonitorSample &s : std::as_const(m_pending)) {
        const QList<double> v = valuesOf(s);
        const double x = msOf(s.time);
        for (int i = 0; i < points.size(); ++i) {
            if (std::isnan(v.at(i)))
                continue;
            QList<QPointF> &line = points[i];
            // One point per slice of the range: the newest time, the slice's peak.
            if (!line.isEmpty() &&
                std::floor(line.last().x() / bucketMs) == std::floor(x / bucketMs)) {
                line.last() = QPointF(x, std::max(line.last().y(), v.at(i)));
            } else {
                line.append(QPointF(x, v.at(i)));
            }
        }
    }
    m_pending.clear();
    m_lastDrawn = last;
    // The axis moves in steps; points left of it go.
    const double step = std::max(1.0, window / kAxisSteps);
    const double to = std::ceil(last / step) * step;
    const double from = to - window;
    for (QList<QPointF> &line : points) {
        qsizetype old = 0;
        while (old < line.size() && line.at(old).x() < msOf(from))
            ++old;
        line.remove(0, old);
    }
    if (shownTo() != to || shownFrom() != from)
        setRange(from, to);
    setPoints(std::move(points));
}

void HistoryTab::setPoints(QList<QList<QPointF>> points) {
    // Only the lines that changed: each replace() recomputes that line's path.
    for (int i = 0; i < m_series.size(); ++i) {
        if (points.at(i) != m_points.at(i) || m_series.at(i)->count() != points.at(i).size())
            m_series.at(i)->replace(points.at(i));
    }
    m_points = std::move(points);
    fitValues();
}

void HistoryTab::fitValues() {
    double counts = 1;
    double seconds = 1;
    for (int i = 0; i < m_points.size(); ++i) {
        double &top = i == kSeconds ? seconds : counts;
        for (const QPointF &p : m_points.at(i))
            top = std::max(top, p.y());
    }
    // Set only when the range changes: every axis change recomputes each line on it.
    const double countsMax = niceMax(std::max(4.0, std::ceil(counts * 1.1)));
    if (m_counts->min() != 0 || m_counts->max() != countsMax)
        m_counts->setRange(0, countsMax);
    const double secondsMax = niceMax(seconds * 1.1);
    if (m_seconds->min() != 0 || m_seconds->max() != secondsMax)
        m_seconds->setRange(0, secondsMax);
}

void HistoryTab::exportCsv(const QString &givenPath) {
    QString path = givenPath;
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Export the history"), QString(),
                                            tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    whenFinished(m_monitor->exportCsv(shownFrom(), shownTo(), path), this,
                 [this](const Result<int> &written) {
                     if (!written.ok()) {
                         m_summary->setText(written.error().message);
                         Q_EMIT exported(0, written.error().message);
                         return;
                     }
                     m_summary->setText(tr("Exported %n sample(s).", nullptr, written.value()));
                     Q_EMIT exported(written.value(), QString());
                 });
}

void HistoryTab::applyTheme() {
    const auto theme =
        StateColors::isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (m_chart->theme() != theme) {
        m_chart->setTheme(theme);
        stylePens();
    }
}

void HistoryTab::stylePens() {
    // The themes cycle five colours over seven lines, and the legend's squares
    // show only the colour: seven colours of their own (Tableau 10, readable on
    // the light and the dark theme). The advisory lines are dotted and the
    // longest wait dashed besides.
    static const QColor kColours[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xe1, 0x57, 0x59),
                                      QColor(0xf2, 0x8e, 0x2b), QColor(0xb0, 0x7a, 0xa1),
                                      QColor(0x59, 0xa1, 0x4f), QColor(0x76, 0xb7, 0xb2),
                                      QColor(0xed, 0xc9, 0x48)};
    for (int i = 0; i < m_series.size(); ++i) {
        QPen pen = m_series.at(i)->pen();
        pen.setWidth(2);
        pen.setColor(kColours[i % std::size(kColours)]);
        pen.setStyle(i == kSeconds        ? Qt::DashLine
                     : (i == 4 || i == 5) ? Qt::DotLine
                                          : Qt::SolidLine);
        m_series.at(i)->setPen(pen);
    }
}

void HistoryTab::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

} // namespace lockscope::ui
