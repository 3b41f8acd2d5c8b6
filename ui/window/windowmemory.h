#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QHeaderView;
class QSplitter;

namespace lockscope::ui {

class MainWindow;

// What the window remembers between starts, in QSettings (group "window"):
// geometry and toolbars, splitter positions, each table's column widths, order,
// visibility and sort, the filters, the refresh interval and the current tab.
// (The last profile is ProfileStore's.) It takes the window's layout as built
// as the defaults that Reset layout goes back to.
class WindowMemory final {
public:
    explicit WindowMemory(MainWindow *window);

    void restore();
    void save() const;
    // Back to the layout as built; the saved layout is forgotten.
    void reset();

private:
    struct Header {
        QString key;
        QHeaderView *header;
        QByteArray defaults;
    };
    struct Splitter {
        QString key;
        QSplitter *splitter;
        QByteArray defaults;
    };
    void restoreHeader(const Header &h, const QByteArray &state) const;

    MainWindow *m_window;
    QList<Header> m_headers;
    QList<Splitter> m_splitters;
    QByteArray m_defaultState;
};

} // namespace lockscope::ui
