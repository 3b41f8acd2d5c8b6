#pragma once

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QString>
#include <QStyledItemDelegate>

namespace lockscope::ui {

// Paints an item view's cells as QStyledItemDelegate does, but keeps each
// cell's laid-out text (elided to its width, as a QStaticText) from one paint to
// the next. A view repainted on every refresh (the Locks tab: a hundred lock
// rows, each second) otherwise shapes every visible string again each time, and
// shaping was most of the GUI thread's time per refresh. Cells this does not
// draw the same way (an icon, a check box, wrapped or multi-line text, an
// editor open) are painted by QStyledItemDelegate itself.
class CachedTextDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CachedTextDelegate)

public:
    explicit CachedTextDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    // Laid-out texts kept (bounded; the oldest generation is dropped first).
    qsizetype cachedTexts() const { return m_current.size() + m_previous.size(); }

private:
    struct Key {
        QString text;
        QFont font;
        int width = 0;
        Qt::TextElideMode elide = Qt::ElideRight;
        Qt::LayoutDirection direction = Qt::LeftToRight;
        bool operator==(const Key &) const = default;
    };
    friend size_t qHash(const Key &key, size_t seed) noexcept {
        return qHashMulti(seed, key.text, key.font, key.width, int(key.elide), int(key.direction));
    }

    const QStaticText &laidOut(const Key &key) const;

    // Two generations: a text not painted since the cache last filled up is
    // dropped, one painted every refresh stays.
    mutable QHash<Key, QStaticText> m_current;
    mutable QHash<Key, QStaticText> m_previous;
};

} // namespace lockscope::ui
