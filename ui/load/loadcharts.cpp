#include "load/loadcharts.h"

#include "common/statecolors.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace lockscope::ui {

namespace {

QLineSeries *series(const QString &name) {
    auto *s = new QLineSeries;
    s->setName(name);
    return s;
}

// The top of an axis of whole numbers with 5 ticks: a multiple of 4, at least 4.
double wholeRange(double top) {
    return std::max(4.0, std::ceil(top / 4.0) * 4.0);
}

} // namespace

LoadCharts::LoadCharts(QWidget *parent)
    : QWidget(parent)
    , m_throughput(series(tr("acquired/s")))
    , m_p50(series(tr("p50")))
    , m_p90(series(tr("p90")))
    , m_p99(series(tr("p99")))
    , m_timeouts(series(tr("timeouts (total)")))
    , m_inside(series(tr("most inside")))
    , m_permits(series(tr("permits"))) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const struct {
        const char *title;
        const char *unit;
        QList<QLineSeries *> lines;
    } charts[] = {
        {QT_TR_NOOP("Throughput"), QT_TR_NOOP("acquired/s"), {m_throughput}},
        {QT_TR_NOOP("Acquire latency"), QT_TR_NOOP("ms"), {m_p50, m_p90, m_p99}},
        {QT_TR_NOOP("Timeouts"), QT_TR_NOOP("count"), {m_timeouts}},
        // The permits drawn first, the most inside on top of them.
        {QT_TR_NOOP("Holders inside at once"), QT_TR_NOOP("holders"), {m_permits, m_inside}}};
    for (int i = 0; i < 4; ++i) {
        QChart *chart = makeChart(tr(charts[i].title), tr(charts[i].unit), &m_x[i], &m_y[i]);
        for (QLineSeries *line : charts[i].lines) {
            chart->addSeries(line);
            line->attachAxis(m_x[i]);
            line->attachAxis(m_y[i]);
        }
        m_charts.append(chart);
        auto *view = new QChartView(chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(150);
        layout->addWidget(view);
        if (i == 3)
            m_insideView = view;
    }
    // Whole holders and overlaps: a range that is a multiple of 4 over 5 ticks.
    m_y[3]->setLabelFormat(QStringLiteral("%.0f"));
    m_y[3]->setTickCount(5);
    m_insideView->setObjectName(QStringLiteral("loadInsideChart"));
    m_insideView->hide();
    applyTheme();
}

LoadCharts::~LoadCharts() = default;

bool LoadCharts::isDarkTheme() const {
    return !m_charts.isEmpty() && m_charts.first()->theme() == QChart::ChartThemeDark;
}

void LoadCharts::applyTheme() {
    // Qt Charts draws its own backgrounds: follow the desktop's light or dark palette.
    const auto theme =
        StateColors::isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    for (QChart *chart : std::as_const(m_charts)) {
        if (chart->theme() != theme)
            chart->setTheme(theme);
    }
}

void LoadCharts::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

QChart *LoadCharts::makeChart(const QString &title, const QString &unit, QValueAxis **x,
                              QValueAxis **y) {
    auto *chart = new QChart;
    chart->setTitle(title);
    // Axis numbers as the user's locale writes them (a decimal comma in German);
    // the label format alone is printf's, which knows only the point.
    chart->setLocalizeNumbers(true);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    *x = new QValueAxis;
    (*x)->setTitleText(tr("seconds"));
    (*x)->setRange(0, 10);
    (*x)->setLabelFormat(QStringLiteral("%.0f"));
    *y = new QValueAxis;
    (*y)->setTitleText(unit);
    (*y)->setRange(0, 1);
    chart->addAxis(*x, Qt::AlignBottom);
    chart->addAxis(*y, Qt::AlignLeft);
    return chart;
}

void LoadCharts::clear() {
    for (QLineSeries *s : {m_throughput, m_p50, m_p90, m_p99, m_timeouts, m_inside, m_permits})
        s->clear();
    m_maxThroughput = m_maxLatency = m_maxTimeouts = m_maxInside = 1;
    for (int i = 0; i < 4; ++i) {
        m_x[i]->setRange(0, 10);
        m_y[i]->setRange(0, 1);
    }
    if (m_mode == LoadMode::Semaphore)
        m_maxInside = m_permitCount * 1.5 + 1;
    m_y[3]->setRange(0, wholeRange(m_maxInside));
}

void LoadCharts::setMode(LoadMode mode, int permits) {
    m_mode = mode;
    m_permitCount = permits;
    QChart *chart = m_charts.at(3);
    if (mode == LoadMode::Semaphore) {
        chart->setTitle(
            tr("Holders inside one key at once (semaphore of %n permit(s))", nullptr, permits));
        m_inside->setName(tr("most inside"));
        m_y[3]->setTitleText(tr("holders"));
    } else if (mode == LoadMode::Rw) {
        chart->setTitle(tr("Writer overlaps (a writer inside with anyone)"));
        m_inside->setName(tr("overlaps (total)"));
        m_y[3]->setTitleText(tr("count"));
    }
    m_permits->setVisible(mode == LoadMode::Semaphore);
    QPen limit = m_permits->pen();
    limit.setStyle(Qt::DashLine);
    limit.setWidth(2);
    limit.setColor(StateColors::foreground(StateColors::Tone::Bad, palette()));
    m_permits->setPen(limit);
    // The legend lists only what is drawn.
    const auto markers = chart->legend()->markers(m_permits);
    for (auto *marker : markers)
        marker->setVisible(mode == LoadMode::Semaphore);
    m_insideView->setVisible(mode == LoadMode::Semaphore || mode == LoadMode::Rw);
    clear();
}

bool LoadCharts::showsInside() const {
    return !m_insideView->isHidden();
}

QString LoadCharts::insideTitle() const {
    return m_charts.at(3)->title();
}

double LoadCharts::lastInsidePoint() const {
    return m_inside->count() ? m_inside->at(m_inside->count() - 1).y() : -1;
}

void LoadCharts::addSample(const LoadSample &s) {
    m_throughput->append(s.elapsedS, s.throughputPerS);
    m_p50->append(s.elapsedS, s.p50Ms);
    m_p90->append(s.elapsedS, s.p90Ms);
    m_p99->append(s.elapsedS, s.p99Ms);
    m_timeouts->append(s.elapsedS, static_cast<double>(s.timeouts));
    m_maxThroughput = std::max(m_maxThroughput, s.throughputPerS * 1.1);
    m_maxLatency = std::max(m_maxLatency, s.p99Ms * 1.1);
    m_maxTimeouts = std::max(m_maxTimeouts, static_cast<double>(s.timeouts) * 1.1);
    const double right = std::max(10.0, s.elapsedS);
    if (m_mode == LoadMode::Semaphore && s.maxInside >= 0) {
        m_inside->append(s.elapsedS, static_cast<double>(s.maxInside));
        m_permits->clear();
        m_permits->append(0, m_permitCount);
        m_permits->append(right, m_permitCount);
        m_maxInside = std::max(m_maxInside, static_cast<double>(s.maxInside) * 1.2 + 1);
    } else if (m_mode == LoadMode::Rw && s.overlaps >= 0) {
        m_inside->append(s.elapsedS, static_cast<double>(s.overlaps));
        m_maxInside = std::max(m_maxInside, static_cast<double>(s.overlaps) * 1.1);
    }
    for (int i = 0; i < 4; ++i)
        m_x[i]->setRange(0, right);
    m_y[0]->setRange(0, m_maxThroughput);
    m_y[1]->setRange(0, m_maxLatency);
    m_y[2]->setRange(0, m_maxTimeouts);
    m_y[3]->setRange(0, wholeRange(m_maxInside));
}

int LoadCharts::pointCount() const {
    return static_cast<int>(m_throughput->count());
}

} // namespace lockscope::ui
