#pragma once

#include "common/snapshottablemodel.h"
#include "lease/leaserow.h"

#include <functional>

namespace lockscope::ui {

// The Leases tab's model: one row per aggregate_locks row, fed with snapshots
// taken on a worker thread and applied incrementally (rows removed, inserted,
// changed -- never a reset except on reconnect), so selection, sort and scroll
// position survive every refresh. Remaining time is counted down by the DATABASE
// clock: each snapshot carries the offset between the database's now and the
// local clock, and remaining = expires_at - (local now + offset).
class LeaseTableModel final : public SnapshotTableModel<LeaseRow> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseTableModel)

public:
    enum Column { Key, Owner, State, Remaining, ExpiresAt, AcquiredAt, Fence, Token, ColumnCount };
    enum Role { SortRole = Qt::UserRole, KeyRole, TokenRole, RemainingRole, StateRole };
    // Invalid: expires_at is not a finite number (another program wrote NaN,
    // ±Infinity or NULL); it never expires and only a force release removes it.
    // Redis only: NoExpiry, a string key without TTL (a lock that never frees
    // itself); OtherType, a key of another type (a Redisson-style hash shows its
    // holder and hold count as the owner).
    enum class LeaseState { Held, ExpiringSoon, Expired, Invalid, NoExpiry, OtherType };

    explicit LeaseTableModel(QObject *parent = nullptr);
    ~LeaseTableModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The database clock's offset from the local clock, from the latest snapshot.
    void setClockOffset(double dbOffsetSeconds) { m_offset = dbOffsetSeconds; }

    // The countdown: dataChanged for Remaining and State of rows first..last only.
    void tick(int first, int last);

    double databaseNow() const;
    double offsetSeconds() const { return m_offset; }
    LeaseState stateOf(const LeaseRow &row) const;
    int heldCount() const;
    int invalidCount() const;
    // Redis: string keys without TTL, and keys of other types.
    int noExpiryCount() const;
    int otherTypeCount() const;
    // Leases with less than this left show as expiring soon.
    static constexpr double kExpiringSoonSeconds = 5.0;

    // What the column means, for its header's tooltip.
    static QString headerToolTip(int section);

    // For tests: the local clock in ms since the epoch.
    void setLocalClock(std::function<qint64()> clock);

private:
    double m_offset = 0;
    std::function<qint64()> m_localClock;
};

} // namespace lockscope::ui
