#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace lockscope::ui {

// Colours that carry a state (held, expiring, expired, invalid; waiting; a
// violation) and stay readable on the desktop's palette, light or dark. The
// colour is never the only sign: every state also shows a symbol or a word.
namespace StateColors {
enum class Tone { Good, Warning, Bad, Strange };

bool isDark(const QPalette &palette);
// WCAG 2 contrast ratio between two colours (1 … 21).
double contrast(const QColor &a, const QColor &b);
// Text in this tone on the palette's Base: the light or dark variant, or the
// palette's own Text where neither reaches a 4.5:1 contrast.
QColor foreground(Tone tone, const QPalette &palette = QGuiApplication::palette());
// A tint of Base toward the tone, for rows that must stand out (waiters); the
// palette's Text stays readable on it.
QColor background(Tone tone, const QPalette &palette = QGuiApplication::palette());
} // namespace StateColors

} // namespace lockscope::ui
