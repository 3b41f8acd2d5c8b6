#pragma once

#include <QSortFilterProxyModel>

namespace lockscope::ui {

// What the Advisory tab's table shows: the rows of one database (or of every
// database on the server) that contain what the user typed -- a
// case-insensitive substring of the key, PID, mode, application, user, client,
// session state or query. Sorts on the model's SortRole. Never builds SQL.
class AdvisoryFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdvisoryFilterProxy)

public:
    explicit AdvisoryFilterProxy(QObject *parent = nullptr);

    // Only rows of `database`; empty: every database.
    void setDatabase(const QString &database);
    void setFilterText(const QString &text);
    QString database() const { return m_database; }
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_database;
    QString m_text;
};

} // namespace lockscope::ui
