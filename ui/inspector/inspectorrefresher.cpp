#include "inspector/inspectorrefresher.h"

#include "activity/audittablemodel.h"
#include "advisory/advisorytablemodel.h"
#include "common/whenfinished.h"
#include "leases/leasetablemodel.h"
#include "leases/sharedlocktreemodel.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace lockscope::ui {

InspectorRefresher::InspectorRefresher(LeaseTableModel *leases, AdvisoryTableModel *advisory,
                                       AuditTableModel *audit, QObject *parent)
    : QObject(parent)
    , m_leases(leases)
    , m_advisory(advisory)
    , m_audit(audit) {
    // Two threads: a refresh and an action may run at once; each keeps its
    // per-thread connection while it lives.
    m_pool.setMaxThreadCount(2);
    m_pool.setExpiryTimeout(60'000);
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &InspectorRefresher::start);
}

InspectorRefresher::~InspectorRefresher() {
    ++m_generation;
    m_timer.stop();
    m_pool.waitForDone();
}

void InspectorRefresher::setConnection(const std::optional<ConnectionParams> &params) {
    ++m_generation; // whatever is in flight belongs to the old connection
    m_params = params;
    m_inFlight = false;
    m_again = false;
    m_lastError.clear();
    m_tree.clear();
    m_leases->clear();
    if (m_shared)
        m_shared->clear(); // the last server's semaphores and reader-writer keys
    m_advisory->reset({});
    m_audit->reset({});
    if (m_params) {
        if (!m_paused)
            m_timer.start();
        start();
    } else {
        m_timer.stop();
    }
}

void InspectorRefresher::setInterval(std::chrono::milliseconds interval) {
    m_timer.setInterval(static_cast<int>(std::max<qint64>(250, interval.count())));
}

std::chrono::milliseconds InspectorRefresher::interval() const {
    return std::chrono::milliseconds(m_timer.interval());
}

void InspectorRefresher::setPaused(bool paused) {
    m_paused = paused;
    if (paused)
        m_timer.stop();
    else if (m_params)
        m_timer.start();
}

void InspectorRefresher::refreshNow() {
    start();
}

void InspectorRefresher::start() {
    if (!m_params)
        return;
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_inFlight = true;
    InspectorInputs inputs;
    inputs.generation = m_generation;
    inputs.params = *m_params;
    inputs.leases = m_leases->view();
    inputs.leaseSpec = m_leases->spec();
    if (m_leases->totalCount() == 0) {
        // A big table shows its first rows at once; the rest follows.
        QPointer<InspectorRefresher> self(this);
        const quint64 generation = m_generation;
        inputs.firstRows = [self, generation](const std::shared_ptr<const LeaseView> &first,
                                              double clockOffsetS) {
            QMetaObject::invokeMethod(
                self,
                [self, generation, first, clockOffsetS] {
                    if (self && generation == self->m_generation && self->m_inFlight &&
                        self->m_leases->totalCount() == 0) {
                        self->m_leases->setClockOffset(clockOffsetS);
                        self->m_leases->applyRefresh(first, self->m_leases->view(), {});
                        Q_EMIT self->firstRowsShown();
                    }
                },
                Qt::QueuedConnection);
        };
    }
    inputs.advisory = m_advisory->rows();
    inputs.audit = m_audit->rows();
    inputs.ownerRule = m_ownerRule;
    inputs.withAudit = (m_round++ % 3) == 0 || m_audit->rows().isEmpty();
    whenFinished(QtConcurrent::run(&m_pool, [inputs] { return takeInspectorSnapshot(inputs); }),
                 this, [this](const InspectorSnapshot &result) { onResult(result); });
}

void InspectorRefresher::onResult(const InspectorSnapshot &result) {
    if (result.generation != m_generation)
        return; // late: the connection changed since it started
    m_inFlight = false;
    if (!result.error.isEmpty()) {
        if (result.error != m_lastError) {
            m_lastError = result.error;
            Q_EMIT failing(result.error);
        }
    } else {
        const bool wasFailing = !m_lastError.isEmpty();
        m_lastError.clear();
        QElapsedTimer applying;
        applying.start();
        m_leases->setClockOffset(result.clockOffsetS);
        m_leases->applyRefresh(result.leases, result.leaseBasis, result.leaseChange);
        m_leases->setUnreadableReason(result.leasesUnreadable);
        if (m_shared) {
            m_shared->setSnapshot(result.shared, result.sharedDbNow);
            m_shared->setUnavailableReason(result.sharedUnavailable);
        }
        m_advisorySupported = result.advisorySupported;
        m_advisoryError = result.advisoryError;
        if (result.advisoryError.isEmpty()) {
            m_advisory->apply(result.advisory, result.advisoryPlan);
            m_tree = result.blockingTree;
        }
        if (result.auditError.isEmpty() && !result.auditPlan.isEmpty())
            m_audit->apply(result.audit, result.auditPlan);
        m_lastApplyMs = static_cast<double>(applying.nsecsElapsed()) / 1e6;
        m_lastRefreshed = QDateTime::currentDateTime();
        if (wasFailing)
            Q_EMIT recovered();
        Q_EMIT refreshed();
        Q_EMIT sampled(result.sample);
    }
    if (m_again) {
        m_again = false;
        start();
    }
}

} // namespace lockscope::ui
