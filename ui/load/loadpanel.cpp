#include "load/loadpanel.h"

#include "base/canceltoken.h"
#include "common/statecolors.h"
#include "common/whenfinished.h"
#include "load/loadcharts.h"
#include "load/loadchildren.h"
#include "load/loadinside.h"
#include "load/loadrunner.h"
#include "load/loadverdict.h"

#include <QCheckBox>
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

// Semaphore and rw runs: the probe's figures so far (every process of the run),
// read on the run's own thread at each sample. A failed read leaves the sample
// as it was; the run itself reports errors.
LoadSample withProbe(const ConnectionParams &params, const LoadConfig &config, LoadSample sample) {
    if (config.mode != LoadMode::Semaphore && config.mode != LoadMode::Rw)
        return sample;
    const auto figures = LoadInside::figures(params, config.runId);
    if (!figures.ok())
        return sample;
    sample.maxInside = 0;
    sample.overlaps = 0;
    for (LoadKeyStats &k : sample.perKey) {
        const LoadInside::Figures f = figures->value(k.key);
        k.counter = f.maxInside;
        k.violations = config.mode == LoadMode::Semaphore
                           ? std::max<qint64>(0, f.maxInside - config.permits)
                           : f.overlaps;
    }
    for (const LoadInside::Figures &f : figures.value()) {
        sample.maxInside = std::max(sample.maxInside, f.maxInside);
        sample.overlaps += f.overlaps;
    }
    return sample;
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
    , m_permits(spin(this, 1, 1000, 3, QString()))
    , m_counting(
          new QCheckBox(tr("Admit by counting the holders (the control: over-admits)"), this))
    , m_readers(spin(this, 0, 256, 6, QString()))
    , m_writers(spin(this, 0, 256, 2, QString()))
    , m_noLock(new QCheckBox(tr("No lock (the control: writers overlap)"), this))
    , m_problem(new QLabel(this))
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
    m_mode->addItem(tr("semaphore (N permits per key)"), int(LoadMode::Semaphore));
    m_mode->addItem(tr("reader-writer"), int(LoadMode::Rw));
    m_permits->setObjectName(QStringLiteral("loadPermits"));
    m_permits->setToolTip(tr("How many holders may be inside one key at once."));
    m_counting->setObjectName(QStringLiteral("loadCounting"));
    m_counting->setToolTip(tr("Count the live holders, then insert, in two statements: two "
                              "processes that both count N-1 both get in. Shows what the "
                              "semaphore prevents; give it child processes (the threads of one "
                              "process queue for a key)."));
    m_readers->setObjectName(QStringLiteral("loadReaders"));
    m_readers->setToolTip(tr("Threads that take the key to read (many at once)."));
    m_writers->setObjectName(QStringLiteral("loadWriters"));
    m_writers->setToolTip(tr("Threads that take the key to write (alone)."));
    m_noLock->setObjectName(QStringLiteral("loadNoLock"));
    m_noLock->setToolTip(tr("The same readers and writers enter without any lock. Shows what "
                            "the reader-writer lease prevents."));
    m_problem->setObjectName(QStringLiteral("loadProblem"));
    m_problem->setWordWrap(true);
    QPalette problemPalette = m_problem->palette();
    problemPalette.setColor(QPalette::WindowText,
                            StateColors::foreground(StateColors::Tone::Bad, problemPalette));
    m_problem->setPalette(problemPalette);
    m_problem->hide();
    m_scope->addItems({tr("session"), tr("transaction")});
    m_skew->setRange(0, 10);
    m_skew->setSingleStep(0.1);
    m_skew->setToolTip(tr("0 = every key equally likely; > 0 = Zipf skew, key 0 is the hot key."));
    m_processes->setToolTip(m_lockctl.isEmpty()
                                ? tr("lockctl was not found beside lockscope, so only threads of "
                                     "this process can run.")
                                : tr("Separate lockctl processes, each with the same threads."));
    m_summary->setObjectName(QStringLiteral("loadSummary"));
    m_start->setObjectName(QStringLiteral("loadStart"));
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Set up a workload and press Start. Its leases and advisory locks show "
                          "up in the other tabs while it runs."));

    auto *settings = new QGroupBox(tr("Workload"), this);
    auto *form = new QFormLayout(settings);
    m_form = form;
    form->addRow(tr("Mode"), m_mode);
    form->addRow(tr("Advisory scope"), m_scope);
    form->addRow(tr("Permits per key"), m_permits);
    form->addRow(QString(), m_counting);
    form->addRow(tr("Threads"), m_threads);
    form->addRow(tr("Reader threads"), m_readers);
    form->addRow(tr("Writer threads"), m_writers);
    form->addRow(QString(), m_noLock);
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
    m_keys->setColumnCount(7);
    m_keys->setHorizontalHeaderLabels({tr("Key"), tr("Acquired"), tr("Timeouts"), tr("Mean wait"),
                                       tr("Max wait"), tr("Violations"), tr("Most inside")});
    // What a run is judged by comes first, after the key and its count.
    m_keys->horizontalHeader()->moveSection(5, 2);
    m_keys->horizontalHeader()->moveSection(6, 3);
    m_keys->verticalHeader()->hide();
    m_keys->horizontalHeader()->setStretchLastSection(true);
    m_keys->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(settings);
    // Outside the form: a word-wrapped label inside it would make the form's
    // height depend on its width, counting its hidden rows too.
    leftLayout->addWidget(m_problem);
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
    for (QSpinBox *s : {m_permits, m_readers, m_writers})
        connect(s, &QSpinBox::valueChanged, this, &LoadPanel::updateControls);
    setKeyColumns(LoadMode::Lease);
    // Before any row: each column as wide as its title (a translated title is
    // often longer than the default width); the table scrolls sideways.
    m_keys->resizeColumnsToContents();
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

void LoadPanel::setLockctlPath(const QString &path) {
    m_lockctl = path;
    if (m_lockctl.isEmpty())
        m_processes->setValue(0);
    m_processes->setToolTip(m_lockctl.isEmpty()
                                ? tr("lockctl was not found beside lockscope, so only threads of "
                                     "this process can run.")
                                : tr("Separate lockctl processes, each with the same threads."));
    updateControls();
}

void LoadPanel::updateControls() {
    const bool connected = m_params.has_value();
    const LoadMode mode = LoadMode(m_mode->currentData().toInt());
    const bool advisory = mode == LoadMode::Advisory;
    const bool semaphore = mode == LoadMode::Semaphore;
    const bool rw = mode == LoadMode::Rw;
    const bool postgres = connected && m_params->isPostgres();
    // Each field only for the mode that uses it.
    m_form->setRowVisible(m_scope, advisory);
    m_form->setRowVisible(m_permits, semaphore);
    m_form->setRowVisible(m_counting, semaphore);
    m_form->setRowVisible(m_threads, !rw);
    m_form->setRowVisible(m_readers, rw);
    m_form->setRowVisible(m_writers, rw);
    m_form->setRowVisible(m_noLock, rw);
    // The rows shown changed: so did the box's minimum, which the layouts
    // around it cache (and, while the tab is hidden, would keep stale).
    m_form->parentWidget()->updateGeometry();
    const QString problem = LoadVerdict::problem(config(), m_readers->value(), m_writers->value());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_scope->setEnabled(advisory && !m_running);
    const bool readOnly = !m_readOnlyReason.isEmpty();
    m_start->setEnabled(connected && !readOnly && !m_running && (!advisory || postgres) &&
                        problem.isEmpty());
    m_start->setToolTip(!connected              ? tr("Connect to a database first.")
                        : readOnly              ? m_readOnlyReason
                        : advisory && !postgres ? tr("Advisory locks need PostgreSQL.")
                                                : problem);
    m_stop->setEnabled(m_running);
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_mode, m_threads, m_keyCount, m_skew, m_holdMin, m_holdMax, m_ttl, m_wait, m_duration,
             m_permits, m_counting, m_readers, m_writers, m_noLock})
        w->setEnabled(!m_running);
    m_processes->setEnabled(!m_running && !m_lockctl.isEmpty());
}

void LoadPanel::setKeyColumns(LoadMode mode) {
    m_keys->horizontalHeaderItem(5)->setText(mode == LoadMode::Rw ? tr("Overlaps")
                                                                  : tr("Violations"));
    m_keys->setColumnHidden(6, mode != LoadMode::Semaphore);
    m_keys->resizeColumnToContents(5);
}

bool LoadPanel::showsRow(QWidget *field) const {
    return m_form->isRowVisible(field);
}

QWidget *LoadPanel::permitsField() const {
    return m_permits;
}
QWidget *LoadPanel::countingField() const {
    return m_counting;
}
QWidget *LoadPanel::readersField() const {
    return m_readers;
}
QWidget *LoadPanel::writersField() const {
    return m_writers;
}
QWidget *LoadPanel::noLockField() const {
    return m_noLock;
}
QWidget *LoadPanel::threadsField() const {
    return m_threads;
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
    c.permits = m_permits->value();
    c.admitByCounting = c.mode == LoadMode::Semaphore && m_counting->isChecked();
    if (c.mode == LoadMode::Rw) {
        c.threads = m_readers->value() + m_writers->value();
        c.readers = m_readers->value();
        c.noLock = m_noLock->isChecked();
    }
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
    m_permits->setValue(c.permits);
    m_counting->setChecked(c.admitByCounting);
    if (c.mode == LoadMode::Rw) {
        m_readers->setValue(c.readers);
        m_writers->setValue(c.threads - c.readers);
    }
    m_noLock->setChecked(c.noLock);
    updateControls();
}

void LoadPanel::start() {
    if (!m_params || m_running || !m_readOnlyReason.isEmpty())
        return;
    LoadConfig c = config();
    c.runId = LoadConfig::newRunId();
    if (const QString problem = LoadVerdict::problem(c, m_readers->value(), m_writers->value());
        !problem.isEmpty()) {
        m_summary->setText(problem);
        return;
    }
    if (auto valid = c.validate(m_params->isPostgres(), m_params->isRedis()); !valid.ok()) {
        m_summary->setText(valid.error().message);
        return;
    }
    m_running = true;
    m_last.reset();
    m_runConfig = c;
    m_charts->setMode(c.mode, c.permits);
    m_keys->setRowCount(0);
    setKeyColumns(c.mode);
    m_summary->setText(tr("Running %1 mode, run %2…").arg(LoadConfig::modeName(c.mode), c.runId));
    updateControls();
    m_cancel = std::make_shared<CancelToken>();
    const ConnectionParams params = *m_params;
    const QString lockctl = m_lockctl;
    QPointer<LoadPanel> self(this);
    auto cancel = m_cancel;
    whenFinished(QtConcurrent::run(
                     &m_pool,
                     [params, c, cancel, lockctl, self]() -> Result<LoadSummary> {
                         if (auto prepared = LoadRunner::prepare(params, c); !prepared.ok())
                             return prepared.error();
                         LoadChildren children(lockctl, params, c);
                         if (c.processes > 0 && !lockctl.isEmpty())
                             children.start(0);
                         auto summary = LoadRunner::run(
                             params, c, cancel.get(), [self, params, c](const LoadSample &sample) {
                                 const LoadSample s = withProbe(params, c, sample);
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
        showKeys(sample.perKey, sample.maxInside >= 0);
    m_summary->setText(LoadVerdict::live(sample, m_runConfig));
    Q_EMIT sampled(sample);
}

// `final`: the violations (and, for a semaphore, the most inside) are known:
// at the end, or from the probe while a semaphore or rw run goes on.
void LoadPanel::showKeys(const QList<LoadKeyStats> &keys, bool final) {
    const bool newRows = m_keys->rowCount() != keys.size();
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
                                final ? l.toString(k.violations) : tr("(at the end)"),
                                final && k.counter >= 0 ? l.toString(k.counter) : QString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = m_keys->item(i, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_keys->setItem(i, c, item);
            }
            item->setText(cells.at(c));
            if (c == 5)
                item->setForeground(final && k.violations > 0
                                        ? StateColors::foreground(StateColors::Tone::Bad)
                                        : palette().brush(QPalette::Text));
        }
    }
    // Narrow columns, so Violations and Most inside fit beside the key: when
    // the rows first arrive and at the end, not at every sample.
    if (newRows || m_last)
        m_keys->resizeColumnsToContents();
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
    showKeys(m_last->perKey, true);
    const QString text = LoadVerdict::finished(*m_last, m_runConfig);
    m_summary->setText(text);
    Q_EMIT finished(text);
}

} // namespace lockscope::ui
