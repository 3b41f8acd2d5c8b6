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
    }
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
                                   [inputs] {
                                       // Decoding 100,000 locks must not hold
                                       // the GUI thread off a core.
                                       lowerThisThreadsPriority();
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
        // Started once the view has laid out and painted what changed (those
        // are posted events, handled before a zero timer): freeing a hundred
        // thousand rows beside the paint slowed the paint.
        QTimer::singleShot(0, this,
                           [this, sessions = std::move(displacedSessions),
                            firstSeen = std::move(displacedFirstSeen)]() mutable {
                               m_pool.start([sessions = std::move(sessions),
                                             firstSeen = std::move(firstSeen)]() mutable {
                                   sessions.clear();
                                   firstSeen.clear();
                               });
                           });
        m_lastApplyMs = static_cast<double>(applying.nsecsElapsed()) / 1e6;
        Q_EMIT refreshed();
    }
    if (m_again) {
        m_again = false;
        start();
    }
}

} // namespace lockscope::ui
