#pragma once

#include "servers/serverrow.h"

#include <QAbstractTableModel>
#include <QList>

namespace lockscope::ui {

// The Servers view's model: one row per saved profile, in the order saved.
// Profiles that come or go are inserted or removed; a probe's result changes
// its row only (dataChanged), so selection and scroll position stay. An edited
// profile gets a new generation, and results of probes of its earlier version
// are refused.
class ServersTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServersTableModel)

public:
    enum Column {
        Name,
        Server,
        Status,
        Held,
        Expired,
        Waiting,
        LongestWait,
        Alerts,
        Checked,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, ProfileNameRole };

    explicit ServersTableModel(QObject *parent = nullptr);
    ~ServersTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The saved profiles, by name: rows of removed profiles go, new ones come
    // (with no status yet), changed ones keep their last status.
    void setProfiles(const QList<Profile> &profiles);
    void setProbing(const QString &name, bool probing);
    // A probe's result for the profile `name` as it was at `generation` (its
    // ServerRow::generation when the probe started); `alerts`: the server's
    // open alerts (nullopt: not known). False, and nothing changes, when the
    // profile was edited (or removed) since: the result is of another server.
    bool setStatus(const QString &name, quint64 generation, const ServerStatus &status,
                   qint64 checkedAtMs, const std::optional<QList<Alert>> &alerts = std::nullopt);

    const QList<ServerRow> &rows() const { return m_rows; }
    int rowOf(const QString &name) const;

private:
    void changed(int row);

    QList<ServerRow> m_rows;
    quint64 m_generation = 0; // the last ServerRow::generation handed out
};

} // namespace lockscope::ui
