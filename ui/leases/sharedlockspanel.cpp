#include "leases/sharedlockspanel.h"

#include "admin/holderrelease.h"
#include "base/visibletext.h"
#include "common/prompter.h"
#include "common/whenfinished.h"
#include "leases/sharedlocktreemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QThreadPool>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lockscope::ui {

SharedLocksPanel::SharedLocksPanel(QThreadPool *pool, QWidget *parent)
    : QWidget(parent)
    , m_model(new SharedLockTreeModel(this))
    , m_pool(pool)
    , m_title(new QLabel(tr("Semaphores and reader-writer leases"), this))
    , m_unavailable(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_release(new QPushButton(tr("Release holder…"), this)) {
    m_view->setObjectName(QStringLiteral("sharedLockView"));
    m_release->setObjectName(QStringLiteral("releaseHolder"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setColumnWidth(SharedLockTreeModel::Name, 260);
    m_view->setColumnWidth(SharedLockTreeModel::State, 330);
    m_view->setColumnWidth(SharedLockTreeModel::Remaining, 110);
    m_view->setColumnWidth(SharedLockTreeModel::Owner, 200);
    m_view->header()->setStretchLastSection(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_release);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_unavailable);
    layout->addWidget(m_view, 1);
    m_unavailable->setObjectName(QStringLiteral("sharedLocksUnavailable"));
    m_unavailable->setWordWrap(true);
    m_unavailable->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_unavailable->setVisible(false);
    connect(m_release, &QPushButton::clicked, this, &SharedLocksPanel::releaseSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SharedLocksPanel::updateActions);
    auto showIfAny = [this] {
        const bool unavailable = !m_model->unavailableReason().isEmpty();
        m_unavailable->setText(m_model->unavailableReason());
        m_unavailable->setVisible(unavailable);
        m_view->setVisible(!unavailable);
        setVisible(m_model->rowCount() > 0 || unavailable);
        m_view->expandAll();
        restoreSelection();
        updateActions();
    };
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            &SharedLocksPanel::rememberSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, showIfAny);
    connect(m_model, &SharedLockTreeModel::unavailableReasonChanged, this, showIfAny);
    setVisible(false);
    updateActions();
}

SharedLocksPanel::~SharedLocksPanel() = default;

void SharedLocksPanel::setSession(const std::optional<Session> &session) {
    m_session = session;
    // Another server (or none): what was shown belongs to the last one, and so
    // does what was selected.
    m_model->clear();
    m_selectedKey.clear();
    m_selectedToken.clear();
    m_selectedHolder = false;
    m_view->selectionModel()->clear();
    updateActions();
}

void SharedLocksPanel::rememberSelection() {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_selectedKey.clear();
        m_selectedToken.clear();
        m_selectedHolder = false;
        return;
    }
    const QModelIndex &row = rows.first();
    m_selectedKey = row.data(SharedLockTreeModel::KeyRole).toString();
    m_selectedHolder = row.data(SharedLockTreeModel::IsHolderRole).toBool();
    m_selectedToken =
        m_selectedHolder ? row.data(SharedLockTreeModel::TokenRole).toString() : QString();
}

void SharedLocksPanel::restoreSelection() {
    if (m_selectedKey.isEmpty())
        return;
    // A holder by key and token: a holder that came in its place since is
    // another one, and is not selected for it.
    QModelIndex found;
    for (int k = 0; k < m_model->rowCount() && !found.isValid(); ++k) {
        const QModelIndex key = m_model->index(k, 0);
        if (key.data(SharedLockTreeModel::KeyRole).toString() != m_selectedKey)
            continue;
        if (!m_selectedHolder) {
            found = key;
            break;
        }
        for (int h = 0; h < m_model->rowCount(key); ++h) {
            const QModelIndex holder = m_model->index(h, 0, key);
            if (holder.data(SharedLockTreeModel::TokenRole).toString() == m_selectedToken) {
                found = holder;
                break;
            }
        }
    }
    if (!found.isValid()) {
        m_selectedKey.clear();
        m_selectedToken.clear();
        m_selectedHolder = false;
        return;
    }
    m_view->selectionModel()->setCurrentIndex(found, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
}

void SharedLocksPanel::updateActions() {
    const bool may = m_session && m_session->canReleaseLeases();
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const bool holder = !rows.isEmpty() && m_model->holderAt(rows.first()) != nullptr;
    m_release->setEnabled(may && !m_busy && holder);
    m_release->setToolTip(!m_session ? tr("Not connected.")
                          : !may     ? m_session->leaseReason()
                                     : tr("Release the selected holder if it still carries the "
                                              "token shown."));
}

void SharedLocksPanel::releaseSelected() {
    if (!m_session || !m_session->canReleaseLeases() || m_busy)
        return;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const SharedHolderRow *h = rows.isEmpty() ? nullptr : m_model->holderAt(rows.first());
    if (!h)
        return;
    const QString key = rows.first().data(SharedLockTreeModel::KeyRole).toString();
    const QString token = h->token;
    if (!Prompter::instance()->confirm(
            this, tr("Release holder"),
            tr("Release this holder of %1? It is released only if it still carries the token "
               "shown; a holder that came since is left alone.\n\n• %2 — owner %3")
                .arg(VisibleText::forDisplay(key),
                     rows.first().siblingAtColumn(SharedLockTreeModel::Name).data().toString(),
                     VisibleText::forDisplay(h->owner.isEmpty() ? token : h->owner))))
        return;
    const ConnectionParams params = m_session->params;
    m_busy = true;
    updateActions();
    whenFinished(QtConcurrent::run(m_pool,
                                   [params, key, token] {
                                       auto r = HolderRelease::release(params, key, token,
                                                                       QStringLiteral("lockscope"));
                                       const QString shown = VisibleText::forDisplay(key);
                                       if (!r.ok())
                                           return tr("%1: %2").arg(shown, r.error().message);
                                       if (r->outcome == ReleaseOutcome::Released)
                                           return tr("%1: holder released").arg(shown);
                                       return tr("%1: that holder is already gone — nothing to "
                                                 "release")
                                           .arg(shown);
                                   }),
                 this, [this](const QString &text) {
                     m_busy = false;
                     updateActions();
                     Q_EMIT actionFinished(text);
                     Prompter::instance()->inform(this, tr("Release holder"), text);
                 });
}

} // namespace lockscope::ui
