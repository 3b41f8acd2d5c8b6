#pragma once

class QHeaderView;

namespace lockscope::ui {

// A right-click on a table's column headers: a checkable list of the columns to
// show or hide (the last visible one stays). Columns can be dragged into
// another order. The window remembers both (WindowMemory).
namespace HeaderMenu {
void attach(QHeaderView *header);
} // namespace HeaderMenu

} // namespace lockscope::ui
