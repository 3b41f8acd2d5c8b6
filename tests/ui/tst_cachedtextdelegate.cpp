// The Locks tab's delegate keeps laid-out texts between paints; what it draws
// must be what QStyledItemDelegate draws, pixel for pixel: plain, elided, bold,
// coloured, selected and right-aligned cells, markup shown as text, and the cells
// it leaves to QStyledItemDelegate (an icon, a line break).
#include "common/cachedtextdelegate.h"
#include "support/testdb.h"

#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QHeaderView>
#include <QImage>
#include <QPixmap>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTest>
#include <QTreeView>

#include <cstdlib>
#include <memory>

using lockscope::ui::CachedTextDelegate;

namespace {

std::unique_ptr<QStandardItemModel> cells() {
    auto model = std::make_unique<QStandardItemModel>(0, 4);
    model->setHorizontalHeaderLabels({QStringLiteral("Session"), QStringLiteral("Mode"),
                                      QStringLiteral("State"), QStringLiteral("Query")});
    const auto row = [&](const QStringList &texts) {
        QList<QStandardItem *> items;
        for (const QString &t : texts)
            items << new QStandardItem(t);
        model->appendRow(items);
        return items;
    };
    auto plain = row({QStringLiteral("pid 4711"), QStringLiteral("ExclusiveLock"),
                      QStringLiteral("idle in transaction"),
                      QStringLiteral("UPDATE jobs SET state = 'done' WHERE id = 42 AND owner = "
                                     "'worker-7' AND attempt < 3 RETURNING id, state")}); // elided
    plain.at(0)->appendRow({new QStandardItem(QStringLiteral("advisory")),
                            new QStandardItem(QStringLiteral("ShareLock")),
                            new QStandardItem(QStringLiteral("held")),
                            new QStandardItem(QStringLiteral("(7, -3)"))});
    auto bold =
        row({QStringLiteral("pid 4712"), QStringLiteral("3 locks"),
             QStringLiteral("idle in transaction"), QStringLiteral("<b>not bold</b> &amp;")});
    QFont f;
    f.setBold(true);
    bold.at(2)->setFont(f);
    for (QStandardItem *i : bold)
        i->setBackground(QBrush(QColor(0xfd, 0xde, 0xde)));
    auto right = row({QStringLiteral("pid 4713"), QStringLiteral("1,5 s"), QStringLiteral("active"),
                      QStringLiteral("Ünïcödé — ✓ 漢字")});
    right.at(1)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    right.at(2)->setForeground(QBrush(Qt::darkGreen));
    row({QStringLiteral("pid 4714"), QString(), QStringLiteral("two\nlines"),
         QStringLiteral("tab\there")});
    auto icon = row({QStringLiteral("pid 4715"), QStringLiteral("with icon"), QString(),
                     QStringLiteral("selected row")});
    QPixmap dot(8, 8);
    dot.fill(Qt::red);
    icon.at(1)->setIcon(QIcon(dot));
    return model;
}

QImage render(QTreeView &view) {
    view.viewport()->repaint();
    return view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

// How many pixels differ by more than anti-aliasing does: QStaticText and
// QTextLayout blend a glyph's edge pixels a little differently (a few units of
// a channel), while a text one pixel off, elided elsewhere or in another colour
// changes hundreds of pixels by far more. When some differ, both images and
// the difference go to the test artifacts for a person to look at.
int differingPixels(const QImage &actual, const QImage &expected, bool differenceExpected = false) {
    constexpr int kBlend = 64;
    const auto far = [](QRgb a, QRgb b) {
        return std::abs(qRed(a) - qRed(b)) > kBlend || std::abs(qGreen(a) - qGreen(b)) > kBlend ||
               std::abs(qBlue(a) - qBlue(b)) > kBlend;
    };
    if (actual.size() != expected.size())
        return -1;
    int n = 0;
    QImage diff(actual.size(), QImage::Format_RGB32);
    diff.fill(Qt::white);
    for (int y = 0; y < actual.height(); ++y) {
        for (int x = 0; x < actual.width(); ++x) {
            if (far(actual.pixel(x, y), expected.pixel(x, y))) {
                ++n;
                diff.setPixel(x, y, qRgb(255, 0, 0));
            }
        }
    }
    if (n > 0 && !differenceExpected) {
        static int failures = 0;
        const QString stem = QStringLiteral("cachedtextdelegate-%1-").arg(++failures);
        actual.save(lockscope::test::TestDb::artifactPath(stem + QStringLiteral("actual.png")));
        expected.save(lockscope::test::TestDb::artifactPath(stem + QStringLiteral("expected.png")));
        diff.save(lockscope::test::TestDb::artifactPath(stem + QStringLiteral("diff.png")));
    }
    return n;
}

} // namespace

class TestCachedTextDelegate final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void drawsWhatTheStyleDraws() {
        auto model = cells();
        QTreeView view;
        view.setModel(model.get());
        view.setUniformRowHeights(true);
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.resize(760, 260);
        view.setColumnWidth(0, 140);
        view.setColumnWidth(1, 120);
        view.setColumnWidth(2, 150);
        view.expandAll();
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.selectionModel()->select(model->index(4, 0),
                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view.setCurrentIndex(model->index(4, 3));

        auto *plain = new QStyledItemDelegate(&view);
        view.setItemDelegate(plain);
        const QImage expected = render(view);
        auto *cached = new CachedTextDelegate(&view);
        view.setItemDelegate(cached);
        const QImage first = render(view);
        QCOMPARE(differingPixels(first, expected), 0);
        QVERIFY(cached->cachedTexts() > 0);
        // Painted again from the cache: the same pixels.
        const QImage second = render(view);
        QCOMPARE(differingPixels(second, expected), 0);

        // A changed text is drawn as changed, not from the cache.
        model->item(0, 3)->setText(QStringLiteral("SELECT 1"));
        const QImage changed = render(view);
        QVERIFY(differingPixels(changed, expected, true) > 0);
        view.setItemDelegate(plain);
        const QImage changedExpected = render(view);
        QCOMPARE(differingPixels(changed, changedExpected), 0);

        // A narrower column elides where the style elides.
        view.setItemDelegate(cached);
        view.setColumnWidth(3, 90);
        const QImage narrow = render(view);
        view.setItemDelegate(plain);
        QCOMPARE(differingPixels(narrow, render(view)), 0);
        view.setItemDelegate(cached);
    }

    void keepsABoundedNumberOfTexts() {
        QStandardItemModel model(0, 1);
        for (int i = 0; i < 200; ++i)
            model.appendRow(new QStandardItem(QStringLiteral("row %1").arg(i)));
        QTreeView view;
        view.setModel(&model);
        auto *cached = new CachedTextDelegate(&view);
        view.setItemDelegate(cached);
        view.resize(300, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Texts that change on every paint (a countdown): the cache stays bounded.
        for (int round = 0; round < 400; ++round) {
            for (int i = 0; i < 12; ++i)
                model.item(i)->setText(QStringLiteral("%1 s left").arg(round * 12 + i));
            view.viewport()->repaint();
        }
        QVERIFY2(cached->cachedTexts() <= 2 * 2048,
                 qPrintable(QString::number(cached->cachedTexts())));
        QVERIFY(cached->cachedTexts() >= 12);
    }
};

QTEST_MAIN(TestCachedTextDelegate)
#include "tst_cachedtextdelegate.moc"
