#pragma once

#include "lease/leaserow.h"
#include "leases/leaseview.h"

#include <QAbstractTableModel>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace lockscope::ui {

// The Leases tab's model, sorted and filtered: one row per aggregate_locks row
// that the filter lets through. It shows an immutable LeaseView (all rows of a
// snapshot, sorted by key, plus the order and filter of the table) built off
// the GUI thread: a refresh or a sort/filter of a big table hands it a new view,
// which it swaps in with O(1) work and one signal -- dataChanged when the same
// rows stay in the same places, else a layout change that moves the few
// persistent indexes (selection, current) by key. Sorting and filtering more
// than inlineLimit() rows run on the model's own worker thread; fewer on the
// GUI thread (well under a millisecond). Remaining time is counted down by the
// DATABASE clock: each snapshot carries the offset between the database's now
// and the local clock, and remaining = expires_at - (local now + offset).
class LeaseTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseTableModel)

public:
    enum Column {
        Key,
        Owner,
        OwnerSession,
        State,
        Remaining,
        ExpiresAt,
        AcquiredAt,
        Fence,
        Token,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, KeyRole, TokenRole, RemainingRole, StateRole };
    // Invalid: expires_at is not a finite number (another program wrote NaN,
    // ±Infinity or NULL); it never expires and only a force release removes it.
    // Redis only: NoExpiry, a string key without TTL (a lock that never frees
    // itself); OtherType, a key of another type (a Redisson-style hash shows its
    // holder and hold count as the owner).
    enum class LeaseState { Held, ExpiringSoon, Expired, Invalid, NoExpiry, OtherType };

    explicit LeaseTableModel(QObject *parent = nullptr);
    ~LeaseTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    void setFilterText(const QString &text);
    void setStateFilter(LeaseViewSpec::StateFilter filter);
    // What was asked for; the view shown catches up when a worker has built it.
    const LeaseViewSpec &spec() const { return m_spec; }
    int sortColumn() const { return m_spec.column; }
    Qt::SortOrder sortOrder() const { return m_spec.order; }
    QString filterText() const { return m_spec.text; }
    // A sort or filter is being built off the GUI thread.
    bool isBuilding() const { return m_building; }
    void setInlineLimit(int rows) { m_inlineLimit = rows; }
    int inlineLimit() const { return m_inlineLimit; }

    // What the table shows now; the shown row `row` (table order).
    const std::shared_ptr<const LeaseView> &view() const { return m_view; }
    const LeaseRow &rowAt(int row) const { return m_view->at(row); }
    // Every row of the view is in rowCount() (a big one is revealed in steps).
    bool isRevealed() const { return m_shown == m_view->size(); }
    // Every row of the snapshot, shown or filtered out (sorted by key).
    const QList<LeaseRow> &allRows() const { return *m_view->rows; }
    int totalCount() const { return static_cast<int>(m_view->rows->size()); }
    // The first rows of a load that is still being read are shown.
    bool isPartial() const { return m_view->partial; }

    // A refresh's result: `next` was built for `basis` (what was shown when the
    // refresh started) and `change` says how they differ.
    void applyRefresh(const std::shared_ptr<const LeaseView> &next,
                      const std::shared_ptr<const LeaseView> &basis, const LeaseViewChange &change);
    // Shows `rows` (sorted by key) in the current order and filter.
    void showRows(const LeaseRows &rows, bool partial = false);
    // Nothing (a new connection); views still being built are dropped.
    void clear();
    // What the rows leave out because the role may not read it (their fences:
    // LeaseSnapshot::unreadable), and the GRANT that would show it; empty when
    // nothing is left out. Shown above the table.
    QString unreadableReason() const { return m_unreadable; }
    void setUnreadableReason(const QString &reason);

    // The database clock's offset from the local clock, from the latest snapshot.
    void setClockOffset(double dbOffsetSeconds) { m_offset = dbOffsetSeconds; }

    // The countdown: dataChanged for Remaining and State of rows first..last only.
    void tick(int first, int last);

    double databaseNow() const;
    double offsetSeconds() const { return m_offset; }
    LeaseState stateOf(const LeaseRow &row) const { return stateAt(row, databaseNow()); }
    static LeaseState stateAt(const LeaseRow &row, double dbNow);
    // Who holds the row, as shown: a lease's owner (else its token); for a
    // Redis key of another type, a Redisson-style hash's holder and count.
    static QString ownerText(const LeaseRow &row);
    int heldCount() const;
    int invalidCount() const;
    // The most rows one event-loop turn adds to the views (see swapIn).
    static constexpr int kRevealStep = 100'000;
    // Redis: string keys without TTL, and keys of other types.
    int noExpiryCount() const;
    int otherTypeCount() const;
    // Leases with less than this left show as expiring soon.
    static constexpr double kExpiringSoonSeconds = 5.0;

    // The Owner session column: "pid 4711 · idle", "gone" or "—" (not known).
    static QString sessionText(const OwnerStatus &status);
    static QString sessionToolTip(const OwnerStatus &status);

    // What the column means, for its header's tooltip.
    static QString headerToolTip(int section);

    // For tests: the local clock in ms since the epoch.
    void setLocalClock(std::function<qint64()> clock);

Q_SIGNALS:
    // A view built for the current spec is shown (after sort, filter or showRows).
    void viewReady();
    void unreadableReasonChanged(const QString &reason);

private:
    void rebuild();
    void swapIn(std::shared_ptr<const LeaseView> next);
    void revealMore();

    QString m_unreadable;
    std::shared_ptr<const LeaseView> m_view;
    int m_shown = 0;        // rows of m_view revealed to the views so far (see swapIn)
    quint64 m_reveal = 0;   // drops a pending reveal step when the view changes
    LeaseRows m_wantedRows; // the newest rows: what the next build starts from
    bool m_wantedPartial = false;
    LeaseViewSpec m_spec;
    QThreadPool m_pool; // one thread: sorts and filters of big tables
    quint64 m_generation = 0;
    bool m_building = false;
    bool m_buildAgain = false;
    int m_inlineLimit = 10'000;
    double m_offset = 0;
    std::function<qint64()> m_localClock;
};

} // namespace lockscope::ui
