#include "monitor/alert.h"

namespace lockscope::ui {

QString severityName(Alert::Severity severity) {
    return severity == Alert::Severity::Critical ? QStringLiteral("CRITICAL")
                                                 : QStringLiteral("WARNING");
}

} // namespace lockscope::ui
