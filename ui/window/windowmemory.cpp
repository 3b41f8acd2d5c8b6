#include "window/windowmemory.h"

#include "activity/activitytab.h"
#include "advisory/advisorytab.h"
#include "leases/leasestab.h"
#include "load/loadpanel.h"
#include "window/mainwindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>

namespace lockscope::ui {

namespace {

const QString kGroup = QStringLiteral("window/");
constexpr int kDefaultInterval = 2;

QString key(const QString &name) {
    return kGroup + name;
}

} // namespace

WindowMemory::WindowMemory(MainWindow *window)
    : m_window(window) {
    m_headers = {
        {QStringLiteral("leaseColumns"), window->leasesTab()->view()->horizontalHeader(), {}},
        {QStringLiteral("advisoryColumns"), window->advisoryTab()->view()->horizontalHeader(), {}},
        {QStringLiteral("activityColumns"), window->activityTab()->view()->horizontalHeader(), {}},
    };
    for (Header &h : m_headers)
        h.defaults = h.header->saveState();
    for (const QString &name :
         {QStringLiteral("advisorySplitter"), QStringLiteral("loadSplitter")}) {
        if (auto *s = window->findChild<QSplitter *>(name))
            m_splitters.append({name, s, s->saveState()});
    }
    m_defaultState = window->saveState();
}

void WindowMemory::restoreHeader(const Header &h, const QByteArray &state) const {
    // The sort indicator comes back with the state, and the view re-sorts on it.
    h.header->restoreState(state);
}

void WindowMemory::restore() {
    QSettings s;
    if (!m_window->restoreGeometry(s.value(key(QStringLiteral("geometry"))).toByteArray()))
        m_window->resize(1280, 760);
    m_window->restoreState(s.value(key(QStringLiteral("state"))).toByteArray());
    for (const Header &h : std::as_const(m_headers))
        restoreHeader(h, s.value(key(h.key)).toByteArray());
    for (const Splitter &sp : std::as_const(m_splitters))
        sp.splitter->restoreState(s.value(key(sp.key)).toByteArray());
    m_window->intervalBox()->setValue(
        s.value(key(QStringLiteral("interval")), kDefaultInterval).toInt());
    m_window->leasesTab()->filterEdit()->setText(
        s.value(key(QStringLiteral("leaseFilter"))).toString());
    m_window->leasesTab()->stateCombo()->setCurrentIndex(
        s.value(key(QStringLiteral("leaseState")), 0).toInt());
    m_window->activityTab()->filterEdit()->setText(
        s.value(key(QStringLiteral("activityFilter"))).toString());
    m_window->advisoryTab()->thisDatabaseOnly()->setChecked(
        s.value(key(QStringLiteral("advisoryThisDatabase")), false).toBool());
    m_window->advisoryTab()->filterEdit()->setText(
        s.value(key(QStringLiteral("advisoryFilter"))).toString());
    const int tab = s.value(key(QStringLiteral("tab")), 0).toInt();
    if (tab >= 0 && tab < m_window->tabs()->count())
        m_window->tabs()->setCurrentIndex(tab);
}

void WindowMemory::save() const {
    QSettings s;
    s.setValue(key(QStringLiteral("geometry")), m_window->saveGeometry());
    s.setValue(key(QStringLiteral("state")), m_window->saveState());
    for (const Header &h : m_headers)
        s.setValue(key(h.key), h.header->saveState());
    for (const Splitter &sp : m_splitters)
        s.setValue(key(sp.key), sp.splitter->saveState());
    s.setValue(key(QStringLiteral("interval")), m_window->intervalBox()->value());
    s.setValue(key(QStringLiteral("leaseFilter")), m_window->leasesTab()->filterEdit()->text());
    s.setValue(key(QStringLiteral("leaseState")),
               m_window->leasesTab()->stateCombo()->currentIndex());
    s.setValue(key(QStringLiteral("activityFilter")),
               m_window->activityTab()->filterEdit()->text());
    s.setValue(key(QStringLiteral("advisoryThisDatabase")),
               m_window->advisoryTab()->thisDatabaseOnly()->isChecked());
    s.setValue(key(QStringLiteral("advisoryFilter")),
               m_window->advisoryTab()->filterEdit()->text());
    s.setValue(key(QStringLiteral("tab")), m_window->tabs()->currentIndex());
}

void WindowMemory::reset() {
    QSettings s;
    s.remove(QStringLiteral("window"));
    m_window->restoreState(m_defaultState);
    m_window->resize(1280, 760);
    for (const Header &h : std::as_const(m_headers))
        restoreHeader(h, h.defaults);
    for (const Splitter &sp : std::as_const(m_splitters))
        sp.splitter->restoreState(sp.defaults);
    m_window->intervalBox()->setValue(kDefaultInterval);
    m_window->leasesTab()->filterEdit()->clear();
    m_window->leasesTab()->stateCombo()->setCurrentIndex(0);
    m_window->activityTab()->filterEdit()->clear();
    m_window->advisoryTab()->thisDatabaseOnly()->setChecked(false);
    m_window->advisoryTab()->filterEdit()->clear();
}

} // namespace lockscope::ui
