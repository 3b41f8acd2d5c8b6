#pragma once

#include "common/snapshottablemodel.h"
#include "monitor/alert.h"

namespace lockscope::ui {

// The Alerts list: every alert instance, the most recently started first; an
// open alert is one whose Ended is empty. Follows the engine's list by id, so
// an alert that ends is a changed row, never a reset.
class AlertTableModel final : public SnapshotTableModel<Alert> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertTableModel)

public:
    enum Column { Severity, Rule, What, Source, Since, Ended, ColumnCount };

    explicit AlertTableModel(QObject *parent = nullptr);
    ~AlertTableModel() override;

    // Takes the engine's alerts (any order).
    void setAlerts(QList<Alert> alerts);
    int openCount() const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString ruleTitle(const QString &rule);
};

} // namespace lockscope::ui
