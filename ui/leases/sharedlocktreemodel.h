#pragma once

#include "lease/sharedlockrow.h"

#include <QAbstractItemModel>

namespace lockscope::ui {

// Semaphores and reader-writer leases in the Leases tab: one top-level row per
// key ("2/3 held", "2 readers, no writer, 1 waiting writer"), its holders and
// waiters as children. Fed with snapshots taken on a worker thread. A refresh
// that keeps the same keys and holders only emits dataChanged (selection and
// expansion survive); one that changes them resets the model -- these keys
// are few next to the lease table, which is applied row by row.
class SharedLockTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SharedLockTreeModel)

public:
    enum Column { Name, State, Remaining, Owner, Fence, ColumnCount };
    enum Role { KeyRole = Qt::UserRole + 1, TokenRole, IsHolderRole };

    explicit SharedLockTreeModel(QObject *parent = nullptr);
    ~SharedLockTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // `dbNow` is the database's clock when the snapshot was read.
    void setSnapshot(const QList<SharedKeyRow> &keys, double dbNow);
    void clear();
    // Why there are no keys to show although there may be some (the role may
    // not read their tables); empty when the keys shown are all there are.
    void setUnavailableReason(const QString &reason);
    const QString &unavailableReason() const { return m_unavailable; }

Q_SIGNALS:
    void unavailableReasonChanged(const QString &reason);

public:
    const QList<SharedKeyRow> &keys() const { return m_keys; }
    // The holder behind a child index, or null for a key row.
    const SharedHolderRow *holderAt(const QModelIndex &index) const;

private:
    static bool sameShape(const QList<SharedKeyRow> &a, const QList<SharedKeyRow> &b);
    QList<SharedKeyRow> m_keys;
    double m_dbNow = 0;
    QString m_unavailable;
};

} // namespace lockscope::ui
