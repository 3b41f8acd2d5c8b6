#include "common/cachedtextdelegate.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QStyle>
#include <QTextOption>

#include <utility>

namespace lockscope::ui {

namespace {

// Texts kept per generation: a screenful of cells many times over.
constexpr qsizetype kGeneration = 2048;

bool drawsLikeTheStyle(const QStyleOptionViewItem &opt) {
    constexpr QStyleOptionViewItem::ViewItemFeatures kOthers =
        QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator |
        QStyleOptionViewItem::WrapText;
    if ((opt.features & kOthers) || (opt.state & QStyle::State_Editing))
        return false;
    // One line of text only: QStyledItemDelegate lays out line breaks itself.
    for (const QChar c : opt.text) {
        if (c == QLatin1Char('\n') || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return false;
    }
    return true;
}

} // namespace

CachedTextDelegate::CachedTextDelegate(QObject *parent)
    : QStyledItemDelegate(parent) {}

void CachedTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (!drawsLikeTheStyle(opt)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    // The style draws the cell without its text (background, selection, focus),
    // then the text goes where QCommonStyle puts it: the cell less the focus
    // frame's margin, aligned as the model asks, elided to fit.
    const QString text = std::exchange(opt.text, QString());
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect = opt.rect.adjusted(margin, 0, -margin, 0);
    if (textRect.width() <= 0)
        return;
    QPalette::ColorGroup group =
        opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    const QStaticText &laid =
        laidOut({text, opt.font, textRect.width(), opt.textElideMode, opt.direction});
    // Placed as QCommonStyle places its text layout: the line's whole height
    // aligned vertically in whole pixels, the text within the line's width as
    // the alignment asks (a fraction of a pixel included).
    const QSizeF natural = laid.size();
    const Qt::Alignment align = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
    const QRect line =
        QStyle::alignedRect(opt.direction, align & Qt::AlignVertical_Mask,
                            QSize(textRect.width(), int(natural.height())), textRect);
    qreal x = line.x();
    if (align & Qt::AlignRight)
        x += line.width() - natural.width();
    else if (align & Qt::AlignHCenter)
        x += (line.width() - natural.width()) / 2;
    painter->save();
    painter->setClipRect(opt.rect, Qt::IntersectClip); // as QCommonStyle clips the cell
    painter->setPen(opt.palette.color(
        group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(opt.font);
    painter->drawStaticText(QPointF(x, line.y()), laid);
    painter->restore();
}

const QStaticText &CachedTextDelegate::laidOut(const Key &key) const {
    if (const auto it = m_current.constFind(key); it != m_current.cend())
        return *it;
    QStaticText laid;
    if (const auto it = m_previous.find(key); it != m_previous.end()) {
        laid = std::move(*it);
        m_previous.erase(it);
    } else {
        const QFontMetrics metrics(key.font);
        QString shown = key.text;
        if (key.elide != Qt::ElideNone && metrics.horizontalAdvance(shown) > key.width)
            shown = metrics.elidedText(shown, key.elide, key.width);
        laid.setText(shown);
        laid.setTextFormat(Qt::PlainText); // a query's "<b>" is text, never markup
        QTextOption option;
        option.setWrapMode(QTextOption::ManualWrap);
        option.setTextDirection(key.direction);
        laid.setTextOption(option);
        laid.prepare(QTransform(), key.font);
    }
    if (m_current.size() >= kGeneration)
        m_previous = std::exchange(m_current, {});
    return *m_current.insert(key, std::move(laid));
}

} // namespace lockscope::ui
