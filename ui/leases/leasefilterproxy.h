#pragma once

#include <QRegularExpression>
#include <QSortFilterProxyModel>

namespace lockscope::ui {

// Filters the Leases tab by what the user typed -- a glob when it has * ? or [,
// else a case-insensitive substring -- over key, owner and token, and by state.
// Sorts on raw values (SortRole). Never builds SQL.
class LeaseFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseFilterProxy)

public:
    enum class StateFilter { All, Held, Expired };

    explicit LeaseFilterProxy(QObject *parent = nullptr);
    void setFilterText(const QString &text);
    void setStateFilter(StateFilter filter);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // The same order as the model's SortRole, without a QVariant per comparison.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void invalidateWhole();

    QString m_text;
    QRegularExpression m_glob;
    bool m_isGlob = false;
    StateFilter m_state = StateFilter::All;
};

} // namespace lockscope::ui
