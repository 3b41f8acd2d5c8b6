#pragma once

#include "common/rowdiff.h"

#include <QAbstractTableModel>
#include <QList>

namespace lockscope::ui {

// A table of value rows that follows snapshots incrementally: apply() turns a
// RowDiffPlan (computed off the GUI thread) into beginRemoveRows/beginInsertRows/
// dataChanged, so views keep their selection, sort and scroll position.
template <typename Row> class SnapshotTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

    // `rows` in the order the plan was computed for, from the current rows().
    void apply(const QList<Row> &rows, const RowDiffPlan &plan) {
        for (auto it = plan.removals.crbegin(); it != plan.removals.crend(); ++it) {
            beginRemoveRows({}, it->first, it->last);
            m_rows.remove(it->first, it->last - it->first + 1);
            endRemoveRows();
        }
        for (const RowDiffPlan::Range &r : plan.insertions) {
            beginInsertRows({}, r.first, r.last);
            for (int i = r.first; i <= r.last; ++i)
                m_rows.insert(i, rows.at(i));
            endInsertRows();
        }
        for (const RowDiffPlan::Range &r : plan.changes) {
            for (int i = r.first; i <= r.last; ++i)
                m_rows[i] = rows.at(i);
            Q_EMIT this->dataChanged(this->index(r.first, 0),
                                     this->index(r.last, this->columnCount() - 1));
        }
    }

    // Replaces everything (a new connection).
    void reset(const QList<Row> &rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }

    const QList<Row> &rows() const { return m_rows; }
    const Row &rowAt(int row) const { return m_rows.at(row); }

protected:
    QList<Row> m_rows;
};

} // namespace lockscope::ui
