#include "common/statecolors.h"

#include <cmath>

namespace lockscope::ui {

namespace {

double channel(double c) {
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c) {
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

QColor variant(StateColors::Tone tone, bool dark) {
    using Tone = StateColors::Tone;
    switch (tone) {
    case Tone::Good:
        return dark ? QColor(0x6f, 0xdc, 0x8c) : QColor(0x1b, 0x7f, 0x3b);
    case Tone::Warning:
        return dark ? QColor(0xf1, 0xc2, 0x1b) : QColor(0x8a, 0x58, 0x00);
    case Tone::Bad:
        return dark ? QColor(0xff, 0x83, 0x89) : QColor(0xb0, 0x1f, 0x1f);
    case Tone::Strange:
        return dark ? QColor(0xd4, 0xbb, 0xff) : QColor(0x6a, 0x1b, 0x9a);
    }
    return {};
}

QColor mix(const QColor &a, const QColor &b, double share) {
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() * (1 - share) + y.redF() * share),
                            float(x.greenF() * (1 - share) + y.greenF() * share),
                            float(x.blueF() * (1 - share) + y.blueF() * share));
}

} // namespace

bool StateColors::isDark(const QPalette &palette) {
    return luminance(palette.color(QPalette::Base)) < luminance(palette.color(QPalette::Text));
}

double StateColors::contrast(const QColor &a, const QColor &b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor StateColors::foreground(Tone tone, const QPalette &palette) {
    const QColor base = palette.color(QPalette::Base);
    const QColor chosen = variant(tone, isDark(palette));
    return contrast(chosen, base) >= 4.5 ? chosen : palette.color(QPalette::Text);
}

QColor StateColors::background(Tone tone, const QPalette &palette) {
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    // As much of the tone as the text's contrast allows, from a quarter down.
    for (double share = 0.25; share > 0.0; share -= 0.05) {
        const QColor tinted = mix(base, variant(tone, false), share);
        if (contrast(tinted, text) >= 4.5)
            return tinted;
    }
    return base;
}

} // namespace lockscope::ui
