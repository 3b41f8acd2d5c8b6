#pragma once

#include "lease/leaserow.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace lockscope::ui {

// How the Leases table is sorted and filtered: a column and direction, the text
// typed (a glob when it has * ? or [, else a case-insensitive substring of key,
// owner or token) and the state chosen. Never builds SQL.
struct LeaseViewSpec {
    enum class StateFilter { All, Held, Expired };
    int column = 0; // LeaseTableModel::Column
    Qt::SortOrder order = Qt::AscendingOrder;
    QString text; // trimmed
    StateFilter state = StateFilter::All;
    bool operator==(const LeaseViewSpec &other) const = default;
};

using LeaseRows = std::shared_ptr<const QList<LeaseRow>>;

// Shares rows read from the database. Freeing a million rows (three million
// strings) takes the GUI thread ~100 ms, and whoever lets go of a view last may
// be the GUI thread: so when the last owner is on the GUI thread, big row lists
// are freed on a worker instead.
LeaseRows shareLeaseRows(QList<LeaseRow> &&rows);

// One immutable picture of the Leases table: every row of one snapshot (sorted
// by key, shared, never copied) and which of them the table shows, in which
// order. Built off the GUI thread for a million rows; the model swaps it in.
struct LeaseView {
    LeaseRows rows;               // all rows, sorted by key (QString order), keys unique
    double dbNow = 0;             // the database clock the state filter and State sort used
    LeaseViewSpec spec;           // what it was built for
    std::vector<int> visible;     // table row -> index into rows
    std::vector<int> positionOf;  // index into rows -> table row, -1 when filtered out
    bool partial = false;         // only the first rows of a load still being read
    std::vector<double> expiries; // every valid expires_at, ascending (for held counts)
    int invalidCount = 0;         // rows whose expiry is not a time (SQL rows)
    int noExpiryCount = 0;        // Redis string keys without TTL
    int otherTypeCount = 0;       // Redis keys of other types (not leases)

    int size() const { return static_cast<int>(visible.size()); }
    const LeaseRow &at(int tableRow) const { return rows->at(visible[tableRow]); }
    // The row with this key: its table row, or -1 (gone or filtered out).
    int tableRowOf(const QString &key) const;
    // Rows held at `dbNow` (expires_at later than it), without walking them all.
    int heldAt(double now) const;

    static std::shared_ptr<const LeaseView> empty();
    // Filters and sorts `rows` (sorted by key) for `spec`, states as at `dbNow`.
    static std::shared_ptr<const LeaseView> build(LeaseRows rows, double dbNow,
                                                  const LeaseViewSpec &spec, bool partial = false);
};

// What changed from one view to the next, for the model's signals: nothing;
// only values of rows shown in the same places (table rows first..last); or
// the layout (rows arrived, left or moved). `sameRows` says whether every row
// of the snapshot is the same too, the ones the filter hides included: only
// then may the older view (its rows, its counts) stand for the newer one -- a
// filter that hides every row shows "nothing changed" while the counts did.
struct LeaseViewChange {
    enum class Kind { None, Values, Layout };
    Kind kind = Kind::Layout;
    int first = 0;
    int last = -1;
    bool sameRows = false;
    static LeaseViewChange between(const LeaseView &before, const LeaseView &after);
};

// Sorts rows by key in place, as LeaseView needs them (cheap when they came sorted).
void sortLeaseRowsByKey(QList<LeaseRow> &rows);

} // namespace lockscope::ui
