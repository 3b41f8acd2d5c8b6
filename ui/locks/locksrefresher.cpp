#include "locks/locksrefresher.h"

#include "common/backgroundpriority.h"
#include "common/whenfinished.h"
#include "locks/lockstreemodel.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace lockscope::ui {

LocksRefresher::LocksRefresher(LocksTreeModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model) {
    m_pool.setMaxThreadCount(1);
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &LocksRefresher::start);
}

LocksRefresher::~LocksRefresher() {
    ++m_generation;
    m_timer.stop();
    m_pool.waitForDone();
}

void LocksRefresher::setConnection(const std::optional<ConnectionParams> &params) {
    ++m_generation; // whatever is in flight belongs to the old connection
    m_params = params;
    m_inFlight = false;
    m_again = false;
    m_lastError.clear();
    m_firstSeen.clear();
    m_last = LocksResult();
    m_model->reset({});
    setActive(m_active);
}

void LocksRefresher::setActive(bool active) {
    m_active = active;
    if (m_active && m_params && m_params->isPostgres()) {
        m_timer.start();
        start();
    } else {
        m_timer.stop();
        dropDisplaced(); // no next snapshot to free them
    }
}

void LocksRefresher::dropDisplaced() {
    if (m_displaced.isEmpty() && m_displacedFirstSeen.isEmpty())
        return;
    m_pool.start([displaced = std::exchange(m_displaced, {}),
                  firstSeen = std::exchange(m_displacedFirstSeen, {})]() mutable {
        displaced.clear();
        firstSeen.clear();
    });
}

void LocksRefresher::refreshNow() {
    start();
}

void LocksRefresher::start() {
    if (!m_params || !m_params->isPostgres())
        return;
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_inFlight = true;
    LocksInputs inputs;
    inputs.generation = m_generation;
    inputs.params = *m_params;
    inputs.sessions = m_model->sessions();
    inputs.firstSeen = m_firstSeen;
    whenFinished(QtConcurrent::run(&m_pool,
                                   [inputs, displaced = std::exchange(m_displaced, {}),
                                    firstSeen = std::exchange(m_displacedFirstSeen, {})]() mutable {
                                       // Decoding 100,000 locks must not hold
                                       // the GUI thread off a core.
                                       lowerThisThreadsPriority();
                                       displaced.clear();
                                       firstSeen.clear();
                                       return takeLocksSnapshot(inputs);
                                   }),
                 this, [this](const LocksResult &result) { onResult(result); });
}

void LocksRefresher::onResult(const LocksResult &result) {
    if (result.generation != m_generation)
        return; // late: the connection changed since it started
    m_inFlight = false;
    if (!result.error.isEmpty()) {
        if (result.error != m_lastError) {
            m_lastError = result.error;
            Q_EMIT failed(result.error);
        }
    } else {
        m_lastError.clear();
        QElapsedTimer applying;
        applying.start();
        // What the result replaces (on a busy server a hundred thousand locks
        // and their first-seen times) is freed on the worker, not here: freeing
        // it took most of the GUI thread's time per refresh.
        QList<LockSessionEntry> displacedSessions = m_model->sessions();
        QHash<QString, double> displacedFirstSeen = std::exchange(m_firstSeen, result.firstSeen);
        m_model->setWaitStartKnown(result.hasWaitStart);
        m_model->apply(result);
        m_last = result;
        m_last.sessions.clear();
        m_last.firstSeen.clear();
        m_last.lockPlans.clear();
        // Freed by the next snapshot's task, first thing on the pool thread: by
        // then this refresh's layout and paint are long done (a task started now
        // would free a hundred thousand rows beside them), and the thread is
        // the one that decodes snapshots, at its lower priority.
        if (!m_displaced.isEmpty() || !m_displacedFirstSeen.isEmpty())
            dropDisplaced(); // a result without a start between: not expected
        m_displaced = std::move(displacedSessions);
        m_displacedFirstSeen = std::move(displacedFirstSeen);
        m_lastApplyMs = static_cast<double>(applying.nsecsElapsed()) / 1e6;
        Q_EMIT refreshed();
    }
    if (m_again) {
        m_again = false;
        start();
    }
}

} // namespace lockscope::ui
