#pragma once

#include "admin/auditlog.h"
#include "common/snapshottablemodel.h"

namespace lockscope::ui {

// The Activity tab: admin actions from lockscope_audit, newest first.
class AuditTableModel final : public SnapshotTableModel<AuditEntry> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditTableModel)

public:
    enum Column {
        When,
        Action,
        Target,
        Outcome,
        DbUser,
        OsUser,
        Tool,
        PreviousToken,
        Detail,
        ColumnCount
    };

    explicit AuditTableModel(QObject *parent = nullptr);
    ~AuditTableModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace lockscope::ui
