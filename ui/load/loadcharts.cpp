#include "load/loadcharts.h"

#include "common/statecolors.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace lockscope::ui {

namespace {

QLineSeries *series(const QString &name) {
    auto *s = new QLineSeries;
    s->setName(name);
    return s;
}

} // namespace

LoadCharts::LoadCharts(QWidget *parent)
    : QWidget(parent)
    , m_throughput(series(tr("acquired/s")))
    , m_p50(series(tr("p50")))
    , m_p90(series(tr("p90")))
    , m_p99(series(tr("p99")))
    , m_timeouts(series(tr("timeouts (total)"))) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const struct {
        const char *title;
        const char *unit;
        QList<QLineSeries *> lines;
    } charts[] = {{QT_TR_NOOP("Throughput"), QT_TR_NOOP("acquired/s"), {m_throughput}},
                  {QT_TR_NOOP("Acquire latency"), QT_TR_NOOP("ms"), {m_p50, m_p90, m_p99}},
                  {QT_TR_NOOP("Timeouts"), QT_TR_NOOP("count"), {m_timeouts}}};
    for (int i = 0; i < 3; ++i) {
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
    }
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
    for (QLineSeries *s : {m_throughput, m_p50, m_p90, m_p99, m_timeouts})
        s->clear();
    m_maxThroughput = m_maxLatency = m_maxTimeouts = 1;
    for (int i = 0; i < 3; ++i) {
        m_x[i]->setRange(0, 10);
        m_y[i]->setRange(0, 1);
    }
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
    for (int i = 0; i < 3; ++i)
        m_x[i]->setRange(0, right);
    m_y[0]->setRange(0, m_maxThroughput);
    m_y[1]->setRange(0, m_maxLatency);
    m_y[2]->setRange(0, m_maxTimeouts);
}

int LoadCharts::pointCount() const {
    return static_cast<int>(m_throughput->count());
}

} // namespace lockscope::ui
