#include "leases/sharedlocktreemodel.h"

#include "base/duration.h"
#include "base/visibletext.h"

namespace lockscope::ui {

namespace {

// Child indexes carry their key's row + 1; key rows carry 0.
constexpr quintptr kKeyRow = 0;

QString roleText(const SharedHolderRow &h) {
    if (h.role == QLatin1String("slot"))
        return SharedLockTreeModel::tr("permit %1").arg(h.slot);
    if (h.role == QLatin1String("read"))
        return SharedLockTreeModel::tr("reader");
    if (h.role == QLatin1String("write"))
        return SharedLockTreeModel::tr("writer");
    if (h.role == QLatin1String("write-wait"))
        return SharedLockTreeModel::tr("waiting writer");
    return SharedLockTreeModel::tr("waiting reader");
}

QString summaryText(const SharedKeyRow &k, double now) {
    if (k.kind == QLatin1String("semaphore"))
        return SharedLockTreeModel::tr("semaphore: %1 of %2 permits held")
            .arg(k.heldAt(now))
            .arg(k.permits);
    // "2 readers, no writer, 1 waiting writer": what there is, in words.
    const int readers = k.countAt(QStringLiteral("read"), now);
    const int waitingWriters = k.countAt(QStringLiteral("write-wait"), now);
    const int waitingReaders = k.countAt(QStringLiteral("read-wait"), now);
    QStringList parts{readers == 1 ? SharedLockTreeModel::tr("1 reader")
                                   : SharedLockTreeModel::tr("%1 readers").arg(readers),
                      k.countAt(QStringLiteral("write"), now) > 0
                          ? SharedLockTreeModel::tr("a writer")
                          : SharedLockTreeModel::tr("no writer")};
    if (waitingWriters > 0)
        parts << (waitingWriters == 1
                      ? SharedLockTreeModel::tr("1 waiting writer")
                      : SharedLockTreeModel::tr("%1 waiting writers").arg(waitingWriters));
    if (waitingReaders > 0)
        parts << (waitingReaders == 1
                      ? SharedLockTreeModel::tr("1 waiting reader")
                      : SharedLockTreeModel::tr("%1 waiting readers").arg(waitingReaders));
    return SharedLockTreeModel::tr("reader-writer: %1").arg(parts.join(QStringLiteral(", ")));
}

} // namespace

SharedLockTreeModel::SharedLockTreeModel(QObject *parent)
    : QAbstractItemModel(parent) {}

SharedLockTreeModel::~SharedLockTreeModel() = default;

QModelIndex SharedLockTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kKeyRow);
    if (parent.internalId() != kKeyRow)
        return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex SharedLockTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == kKeyRow)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kKeyRow);
}

int SharedLockTreeModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return static_cast<int>(m_keys.size());
    if (parent.column() != 0 || parent.internalId() != kKeyRow)
        return 0;
    return static_cast<int>(m_keys.at(parent.row()).holders.size());
}

int SharedLockTreeModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

const SharedHolderRow *SharedLockTreeModel::holderAt(const QModelIndex &index) const {
    if (!index.isValid() || index.internalId() == kKeyRow)
        return nullptr;
    const SharedKeyRow &k = m_keys.at(static_cast<int>(index.internalId() - 1));
    return index.row() < k.holders.size() ? &k.holders.at(index.row()) : nullptr;
}

QVariant SharedLockTreeModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid())
        return {};
    if (index.internalId() == kKeyRow) {
        const SharedKeyRow &k = m_keys.at(index.row());
        if (role == KeyRole)
            return k.key;
        if (role == IsHolderRole)
            return false;
        if (role != Qt::DisplayRole)
            return {};
        switch (index.column()) {
        case Name:
            return VisibleText::forDisplay(k.key);
        case State:
            return summaryText(k, m_dbNow);
        default:
            return {};
        }
    }
    const SharedHolderRow *h = holderAt(index);
    if (!h)
        return {};
    const SharedKeyRow &k = m_keys.at(static_cast<int>(index.internalId() - 1));
    if (role == KeyRole)
        return k.key;
    if (role == TokenRole)
        return h->token;
    if (role == IsHolderRole)
        return true;
    if (role == Qt::ToolTipRole && index.column() == Owner)
        return VisibleText::forDisplay(h->token);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return roleText(*h);
    case State:
        return !h->isLiveAt(m_dbNow) ? tr("expired") : h->isWaiter() ? tr("waiting") : tr("held");
    case Remaining:
        return Duration::formatRemaining(h->expiresAt - m_dbNow);
    case Owner:
        return VisibleText::forDisplay(h->owner.isEmpty() ? h->token : h->owner);
    case Fence:
        return h->fence ? QVariant(*h->fence) : QVariant();
    default:
        return {};
    }
}

QVariant SharedLockTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Key / holder");
    case State:
        return tr("State");
    case Remaining:
        return tr("Remaining");
    case Owner:
        return tr("Owner");
    case Fence:
        return tr("Fence");
    default:
        return {};
    }
}

bool SharedLockTreeModel::sameShape(const QList<SharedKeyRow> &a, const QList<SharedKeyRow> &b) {
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).key != b.at(i).key || a.at(i).holders.size() != b.at(i).holders.size())
            return false;
        for (qsizetype j = 0; j < a.at(i).holders.size(); ++j) {
            if (a.at(i).holders.at(j).token != b.at(i).holders.at(j).token)
                return false;
        }
    }
    return true;
}

void SharedLockTreeModel::setSnapshot(const QList<SharedKeyRow> &keys, double dbNow) {
    if (!sameShape(m_keys, keys)) {
        beginResetModel();
        m_keys = keys;
        m_dbNow = dbNow;
        endResetModel();
        return;
    }
    m_keys = keys;
    m_dbNow = dbNow;
    if (m_keys.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_keys.size()) - 1, ColumnCount - 1));
    for (int i = 0; i < m_keys.size(); ++i) {
        const QModelIndex parentIndex = index(i, 0);
        const int n = rowCount(parentIndex);
        if (n > 0)
            Q_EMIT dataChanged(index(0, 0, parentIndex),
                               index(n - 1, ColumnCount - 1, parentIndex));
    }
}

void SharedLockTreeModel::setUnavailableReason(const QString &reason) {
    if (reason == m_unavailable)
        return;
    m_unavailable = reason;
    Q_EMIT unavailableReasonChanged(reason);
}

void SharedLockTreeModel::clear() {
    setUnavailableReason(QString());
    if (m_keys.isEmpty())
        return;
    beginResetModel();
    m_keys.clear();
    endResetModel();
}

} // namespace lockscope::ui
