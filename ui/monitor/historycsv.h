#pragma once

#include "monitor/monitorsample.h"

#include <QList>
#include <QString>

namespace lockscope::ui {

// The history as CSV: one row per sample, times in ISO 8601 UTC, numbers with a
// decimal point whatever the locale, an empty field where a value is not known
// (no waits or advisory locks on SQLite).
namespace HistoryCsv {

QString header();
QString format(const QList<MonitorSample> &samples);

} // namespace HistoryCsv

} // namespace lockscope::ui
