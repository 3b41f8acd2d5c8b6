#pragma once

#include <QList>
#include <QString>

#include <algorithm>

namespace lockscope::ui {

// How to turn one snapshot of rows into the next with incremental model signals:
// contiguous removals (in old indices, applied last to first), then insertions (in
// new indices, applied first to last), then changed rows (new indices). Computed
// off the GUI thread; applied on it. Both lists must be sorted by `keyOf`.
struct RowDiffPlan {
    struct Range {
        int first = 0;
        int last = 0;
    };
    QList<Range> removals;   // old indices, ascending
    QList<Range> insertions; // new indices, ascending
    QList<Range> changes;    // new indices, ascending
    bool isEmpty() const { return removals.isEmpty() && insertions.isEmpty() && changes.isEmpty(); }
};

namespace RowDiff {

inline void appendIndex(QList<RowDiffPlan::Range> &ranges, int index) {
    if (!ranges.isEmpty() && ranges.last().last + 1 == index)
        ranges.last().last = index;
    else
        ranges.append({index, index});
}

template <typename Row, typename KeyOf>
RowDiffPlan compute(const QList<Row> &before, const QList<Row> &after, KeyOf keyOf) {
    RowDiffPlan plan;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < before.size() || j < after.size()) {
        if (j >= after.size() || (i < before.size() && keyOf(before.at(i)) < keyOf(after.at(j)))) {
            appendIndex(plan.removals, static_cast<int>(i++));
        } else if (i >= before.size() || keyOf(after.at(j)) < keyOf(before.at(i))) {
            appendIndex(plan.insertions, static_cast<int>(j++));
        } else {
            if (!(before.at(i) == after.at(j)))
                appendIndex(plan.changes, static_cast<int>(j));
            ++i;
            ++j;
        }
    }
    return plan;
}

// Sorts rows into the order compute() needs (by key, as QString compares).
template <typename Row, typename KeyOf> void sort(QList<Row> &rows, KeyOf keyOf) {
    std::sort(rows.begin(), rows.end(),
              [&](const Row &a, const Row &b) { return keyOf(a) < keyOf(b); });
}

} // namespace RowDiff

} // namespace lockscope::ui
