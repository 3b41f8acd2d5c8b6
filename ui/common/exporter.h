#pragma once

#include <QString>

class QAbstractItemModel;

namespace lockscope::ui {

// The rows a view shows (its model, filtered and sorted as on screen), as CSV
// (RFC 4180 quoting) or as a JSON array of objects keyed by column title.
namespace Exporter {
// A model may answer this role with the exact value to export (e.g. a key with a
// newline that the table shows as ⏎); otherwise the display text is exported.
constexpr int ExportRole = 0x0100 + 100; // Qt::UserRole + 100

QString toCsv(const QAbstractItemModel *model);
QString toJson(const QAbstractItemModel *model);
// One row as a compact JSON object keyed by column title.
QString rowToJson(const QAbstractItemModel *model, int row);
} // namespace Exporter

} // namespace lockscope::ui
