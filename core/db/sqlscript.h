#pragma once

#include <QString>
#include <QStringList>

namespace lockscope {

// Splits an SQL script into statements on ';' outside quotes, comments and
// PostgreSQL dollar-quoted bodies. (QSQLITE runs only the first statement of a
// string, so every migration is run statement by statement on both drivers.)
namespace SqlScript {
QStringList split(const QString &script);
}

} // namespace lockscope
