#pragma once

#include "advisory/advisoryrow.h"
#include "common/snapshottablemodel.h"

namespace lockscope::ui {

// Every advisory lock held or awaited; waiters are highlighted.
class AdvisoryTableModel final : public SnapshotTableModel<AdvisoryLockRow> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdvisoryTableModel)

public:
    enum Column {
        Pid,
        Key,
        Mode,
        Granted,
        Wait,
        BlockedBy,
        Application,
        User,
        Client,
        Database,
        TransactionAge,
        SessionState,
        Query,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, PidRole };

    explicit AdvisoryTableModel(QObject *parent = nullptr);
    ~AdvisoryTableModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    int waitingCount() const;
};

} // namespace lockscope::ui
