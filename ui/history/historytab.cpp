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

#include <cmath>

namespace lockscope::ui {

namespace {

constexpr int kMaxPoints = 1500;
constexpr int kSeconds = 6; // the series on the seconds axis

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
                          : span < 1800 ? QStringLiteral("HH:mm:ss")
                                        : QStringLiteral("HH:mm"));
    });
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] { resetZoom(); });
    connect(m_reset, &QPushButton::clicked, this, &HistoryTab::resetZoom);
    connect(m_export, &QPushButton::clicked, this, [this] { exportCsv(); });
    connect(m_monitor, &Monitor::sampled, this, &HistoryTab::append);

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
    for (int i = 0; i < m_series.size(); ++i)
        m_series.at(i)->replace(points.at(i));
    fitValues();
    m_summary->setText(m_monitor->source().isEmpty()
                           ? tr("Connect to a database: every refresh is recorded here.")
                           : tr("%n sample(s) of %1.", nullptr, static_cast<int>(samples.size()))
                                 .arg(m_monitor->source()));
}

void HistoryTab::append(const MonitorSample &s) {
    if (!isVisible() || m_loading || m_zoomed)
        return; // read from the file when shown; a zoomed range stays as it is
    const QList<double> v = valuesOf(s);
    const double from = s.time - windowSeconds();
    // One replace() per line (one geometry update), not an append and a removal.
    for (int i = 0; i < m_series.size(); ++i) {
        QLineSeries *line = m_series.at(i);
        QList<QPointF> points = line->points();
        if (!std::isnan(v.at(i)))
            points.append(QPointF(msOf(s.time), v.at(i)));
        qsizetype old = 0;
        while (old < points.size() && points.at(old).x() < msOf(from))
            ++old;
        points.remove(0, old);
        line->replace(points);
    }
    setRange(from, s.time);
    fitValues();
}

void HistoryTab::fitValues() {
    double counts = 1;
    double seconds = 1;
    for (int i = 0; i < m_series.size(); ++i) {
        const QList<QPointF> points = m_series.at(i)->points();
        for (const QPointF &p : points)
            (i == kSeconds ? seconds : counts) = std::max(i == kSeconds ? seconds : counts, p.y());
    }
    m_counts->setRange(0, std::max(4.0, std::ceil(counts * 1.1)));
    m_counts->applyNiceNumbers();
    m_seconds->setRange(0, seconds * 1.1);
    m_seconds->applyNiceNumbers();
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
    // The theme cycles five colours over seven lines: the advisory lines are
    // dotted and the longest wait dashed, so no two lines look alike.
    for (int i = 0; i < m_series.size(); ++i) {
        QPen pen = m_series.at(i)->pen();
        pen.setWidth(2);
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
