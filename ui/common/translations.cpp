#include "common/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace lockscope::ui {

namespace {

QPointer<QTranslator> g_own;
QPointer<QTranslator> g_qt;

} // namespace

bool Translations::install(const QLocale &locale) {
    for (QPointer<QTranslator> *t : {&g_own, &g_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete t->data();
        }
    }
    auto *own = new QTranslator(QCoreApplication::instance());
    const bool loaded = own->load(locale, QStringLiteral("lockscope"), QStringLiteral("_"),
                                  QStringLiteral(":/i18n"));
    if (loaded) {
        QCoreApplication::installTranslator(own);
        g_own = own;
    } else {
        delete own;
    }
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        g_qt = qt;
    } else {
        delete qt;
    }
    return loaded;
}

} // namespace lockscope::ui
