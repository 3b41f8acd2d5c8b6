#include "load/loadpanel.h"

#include "base/canceltoken.h"
#include "common/statecolors.h"
#include "common/whenfinished.h"
#include "load/loadcharts.h"
#include "load/loadchildren.h"
#include "load/loadrunner.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lockscope::ui {

using std::chrono::milliseconds;

namespace {

QSpinBox *spin(QWidget *parent, int low, int high, int value, const QString &suffix) {
    auto *s = new QSpinBox(parent);
    s->setRange(low, high);
    s->setValue(value);
    s->setSuffix(suffix);
    return s;
}

} // namespace

LoadPanel::LoadPanel(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_scope(new QComboBox(this))
    , m_threads(spin(this, 1, 256, 8, QString()))
    , m_processes(spin(this, 0, 32, 0, QString()))
    , m_keyCount(spin(this, 1, 100000, 3, QString()))
    , m_skew(new QDoubleSpinBox(this))
    , m_holdMin(spin(this, 0, 60000, 5, tr(" ms")))
    , m_holdMax(spin(this, 0, 60000, 20, tr(" ms")))
    , m_ttl(spin(this, 1, 3600, 30, tr(" s")))
    , m_wait(spin(this, 0, 3600, 10, tr(" s")))
    , m_duration(spin(this, 1, 86400, 30, tr(" s")))
    , m_start(new QPushButton(tr("Start"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_summary(new QLabel(this))
    , m_charts(new LoadCharts(this))
    , m_keys(new QTableWidget(this))
    , m_lockctl(LoadChildren::findLockctl()) {
    m_pool.setMaxThreadCount(1);
    m_mode->addItem(tr("lease (lease manager)"), int(LoadMode::Lease));
    m_mode->addItem(tr("advisory (PostgreSQL)"), int(LoadMode::Advisory));
    m_mode->addItem(tr("none (control: no lock)"), int(LoadMode::None));
    m_scope->addItems({tr("session"), tr("transaction")});
    m_skew->setRange(0, 10);
    m_skew->setSingleStep(0.1);
    m_skew->setToolTip(tr("0 = every key equally likely; > 0 = Zipf skew, key 0 is the hot key."));
    if (m_lockctl.isEmpty()) {
        m_processes->setEnabled(false);
        m_processes->setToolTip(tr("lockctl was not found beside lockscope, so only threads of "
                                   "this process can run."));
    } else {
        m_processes->setToolTip(tr("Separate lockctl processes, each with the same threads."));
    }
    m_summary->setObjectName(QStringLiteral("loadSummary"));
    m_start->setObjectName(QStringLiteral("loadStart"));
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Set up a workload and press Start. Its leases and advisory locks show "
                          "up in the other tabs while it runs."));

    auto *settings = new QGroupBox(tr("Workload"), this);
    auto *form = new QFormLayout(settings);
    form->addRow(tr("Mode"), m_mode);
    form->addRow(tr("Advisory scope"), m_scope);
    form->addRow(tr("Threads"), m_threads);
    form->addRow(tr("Child processes"), m_processes);
    form->addRow(tr("Keys"), m_keyCount);
    form->addRow(tr("Hot-key skew"), m_skew);
    auto *hold = new QHBoxLayout;
    hold->addWidget(m_holdMin);
    hold->addWidget(new QLabel(tr("to"), this));
    hold->addWidget(m_holdMax);
    form->addRow(tr("Hold"), hold);
    form->addRow(tr("Lease TTL"), m_ttl);
    form->addRow(tr("Max wait"), m_wait);
    form->addRow(tr("Duration"), m_duration);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    form->addRow(buttons);

    m_keys->setObjectName(QStringLiteral("loadKeys"));
    m_keys->setColumnCount(6);
    m_keys->setHorizontalHeaderLabels({tr("Key"), tr("Acquired"), tr("Timeouts"), tr("Mean wait"),
                                       tr("Max wait"), tr("Violations")});
    m_keys->verticalHeader()->hide();
    m_keys->horizontalHeader()->setStretchLastSection(true);
    m_keys->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(settings);
    leftLayout->addWidget(m_summary);
    leftLayout->addWidget(m_keys, 1);
    auto *split = new QSplitter(this);
    split->setObjectName(QStringLiteral("loadSplitter"));
    split->addWidget(left);
    split->addWidget(m_charts);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_start, &QPushButton::clicked, this, &LoadPanel::start);
    connect(m_stop, &QPushButton::clicked, this, &LoadPanel::stop);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &LoadPanel::updateControls);
    updateControls();
}

LoadPanel::~LoadPanel() {
    if (m_cancel)
        m_cancel->cancel();
    m_pool.waitForDone();
}

void LoadPanel::setConnection(const std::optional<ConnectionParams> &params,
                              const QString &readOnlyReason) {
    if (m_running)
        stop();
    m_params = params;
    m_readOnlyReason = readOnlyReason;
    updateControls();
}

void LoadPanel::updateControls() {
    const bool connected = m_params.has_value();
    const bool advisory = LoadMode(m_mode->currentData().toInt()) == LoadMode::Advisory;
    const bool postgres = connected && m_params->isPostgres();
    m_scope->setEnabled(advisory && !m_running);
    const bool readOnly = !m_readOnlyReason.isEmpty();
    m_start->setEnabled(connected && !readOnly && !m_running && (!advisory || postgres));
    m_start->setToolTip(!connected              ? tr("Connect to a database first.")
                        : readOnly              ? m_readOnlyReason
                        : advisory && !postgres ? tr("Advisory locks need PostgreSQL.")
                                                : QString());
    m_stop->setEnabled(m_running);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_mode, m_threads, m_keyCount, m_skew, m_holdMin,
                                          m_holdMax, m_ttl, m_wait, m_duration})
        w->setEnabled(!m_running);
    m_processes->setEnabled(!m_running && !m_lockctl.isEmpty());
}

LoadConfig LoadPanel::config() const {
    LoadConfig c;
    c.mode = LoadMode(m_mode->currentData().toInt());
    c.advisoryScope =
        m_scope->currentIndex() == 1 ? AdvisoryScope::Transaction : AdvisoryScope::Session;
    c.threads = m_threads->value();
    c.processes = m_processes->value();
    c.keys = m_keyCount->value();
    c.skew = m_skew->value();
    c.holdMin = milliseconds(m_holdMin->value());
    c.holdMax = milliseconds(std::max(m_holdMin->value(), m_holdMax->value()));
    c.ttl = milliseconds(qint64(m_ttl->value()) * 1000);
    c.maxWait = milliseconds(qint64(m_wait->value()) * 1000);
    c.duration = milliseconds(qint64(m_duration->value()) * 1000);
    return c;
}

void LoadPanel::setConfig(const LoadConfig &c) {
    m_mode->setCurrentIndex(m_mode->findData(int(c.mode)));
    m_scope->setCurrentIndex(c.advisoryScope == AdvisoryScope::Transaction ? 1 : 0);
    m_threads->setValue(c.threads);
    m_processes->setValue(c.processes);
    m_keyCount->setValue(c.keys);
    m_skew->setValue(c.skew);
    m_holdMin->setValue(int(c.holdMin.count()));
    m_holdMax->setValue(int(c.holdMax.count()));
    m_ttl->setValue(int(c.ttl.count() / 1000));
    m_wait->setValue(int(c.maxWait.count() / 1000));
    if (c.duration)
        m_duration->setValue(int(std::max<qint64>(1, c.duration->count() / 1000)));
}

void LoadPanel::start() {
    if (!m_params || m_running || !m_readOnlyReason.isEmpty())
        return;
    LoadConfig c = config();
    c.runId = LoadConfig::newRunId();
    if (auto valid = c.validate(m_params->isPostgres(), m_params->isRedis()); !valid.ok()) {
        m_summary->setText(valid.error().message);
        return;
    }
    m_running = true;
    m_last.reset();
    m_charts->clear();
    m_keys->setRowCount(0);
    m_summary->setText(tr("Running %1 mode, run %2…").arg(LoadConfig::modeName(c.mode), c.runId));
    updateControls();
    m_cancel = std::make_shared<CancelToken>();
    const ConnectionParams params = *m_params;
    const QString lockctl = m_lockctl;
    QPointer<LoadPanel> self(this);
    auto cancel = m_cancel;
    whenFinished(
        QtConcurrent::run(&m_pool,
                          [params, c, cancel, lockctl, self]() -> Result<LoadSummary> {
                              if (auto prepared = LoadRunner::prepare(params, c); !prepared.ok())
                                  return prepared.error();
                              LoadChildren children(lockctl, params, c);
                              if (c.processes > 0 && !lockctl.isEmpty())
                                  children.start(0);
                              auto summary = LoadRunner::run(params, c, cancel.get(),
                                                             [self](const LoadSample &s) {
                                                                 QMetaObject::invokeMethod(
                                                                     self,
                                                                     [self, s] {
                                                                         if (self)
                                                                             self->onSample(s);
                                                                     },
                                                                     Qt::QueuedConnection);
                                                             });
                              if (cancel->isCancelled())
                                  children.stop();
                              if (!summary.ok())
                                  return summary;
                              QString childError;
                              if (children.collect(summary.value(), &childError) > 0 &&
                                  summary->firstError.isEmpty())
                                  summary->firstError = childError;
                              summary->processes = 1 + c.processes;
                              if (auto finished = LoadRunner::finish(params, summary.value());
                                  !finished.ok())
                                  return finished.error();
                              return summary;
                          }),
        this, [this](const Result<LoadSummary> &summary) { onFinished(summary); });
}

void LoadPanel::stop() {
    if (m_cancel)
        m_cancel->cancel();
}

void LoadPanel::onSample(const LoadSample &sample) {
    m_charts->addSample(sample);
    if (!sample.perKey.isEmpty())
        showKeys(sample.perKey, false);
    const QLocale l;
    m_summary->setText(tr("%1 s: %2 acquired, %3/s, p99 %4 ms, %5 timeouts")
                           .arg(l.toString(sample.elapsedS, 'f', 1),
                                l.toString(sample.acquisitions),
                                l.toString(sample.throughputPerS, 'f', 0),
                                l.toString(sample.p99Ms, 'f', 1), l.toString(sample.timeouts)));
    Q_EMIT sampled(sample);
}

void LoadPanel::showKeys(const QList<LoadKeyStats> &keys, bool final) {
    m_keys->setRowCount(static_cast<int>(keys.size()));
    for (int i = 0; i < keys.size(); ++i) {
        const LoadKeyStats &k = keys.at(i);
        const QLocale l;
        const QStringList cells{k.key,
                                l.toString(k.acquisitions),
                                l.toString(k.timeouts),
                                tr("%1 ms").arg(l.toString(
                                    k.acquisitions ? k.waitTotalMs / k.acquisitions : 0, 'f', 2)),
                                tr("%1 ms").arg(l.toString(k.waitMaxMs, 'f', 1)),
                                final ? l.toString(k.violations) : tr("(at the end)")};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = m_keys->item(i, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_keys->setItem(i, c, item);
            }
            item->setText(cells.at(c));
            if (final && c == 5 && k.violations > 0)
                item->setForeground(StateColors::foreground(StateColors::Tone::Bad));
        }
    }
}

void LoadPanel::onFinished(const Result<LoadSummary> &summary) {
    m_running = false;
    m_cancel.reset();
    updateControls();
    if (!summary.ok()) {
        m_summary->setText(summary.error().message);
        Q_EMIT finished(summary.error().message);
        return;
    }
    m_last = summary.value();
    const LoadSummary &s = summary.value();
    const QLocale l;
    showKeys(s.perKey, true);
    const QString verdict =
        s.mode == LoadMode::None
            ? tr("%n lost update(s) without a lock — the control shows what goes wrong.", nullptr,
                 int(s.violations))
            : (s.violations == 0 ? tr("0 violations: mutual exclusion held.")
                                 : tr("%n VIOLATION(S) under a lock!", nullptr, int(s.violations)));
    const QString text =
        tr("%1 mode, %2 process(es) × %3 threads, %4 s: %5 acquired (%6/s), p50 %7 ms, p99 %8 ms, "
           "%9 timeouts, %10 statements per acquisition. %11")
            .arg(LoadConfig::modeName(s.mode), l.toString(s.processes), l.toString(s.threads),
                 l.toString(s.seconds, 'f', 1), l.toString(s.acquisitions),
                 l.toString(s.throughputPerS(), 'f', 0),
                 l.toString(s.latency.percentileMs(0.5), 'f', 2),
                 l.toString(s.latency.percentileMs(0.99), 'f', 2), l.toString(s.timeouts))
            .arg(l.toString(s.statementsPerAcquisition(), 'f', 2), verdict);
    m_summary->setText(text);
    Q_EMIT finished(text);
}

} // namespace lockscope::ui
