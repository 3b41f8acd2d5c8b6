#include "load/keychooser.h"

#include <algorithm>
#include <cmath>

namespace lockscope {

KeyChooser::KeyChooser(int keys, double skew) {
    keys = std::max(1, keys);
    double total = 0;
    QList<double> weights;
    for (int i = 0; i < keys; ++i) {
        const double w = skew > 0 ? 1.0 / std::pow(i + 1, skew) : 1.0;
        weights << w;
        total += w;
    }
    double running = 0;
    for (double w : std::as_const(weights)) {
        running += w / total;
        m_cdf << running;
    }
    m_cdf.last() = 1.0;
}

int KeyChooser::choose(std::mt19937_64 &rng) const {
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    const auto it = std::lower_bound(m_cdf.cbegin(), m_cdf.cend(), u);
    return std::min(static_cast<int>(it - m_cdf.cbegin()), keys() - 1);
}

double KeyChooser::probability(int key) const {
    if (key < 0 || key >= keys())
        return 0;
    return key == 0 ? m_cdf.first() : m_cdf.at(key) - m_cdf.at(key - 1);
}

} // namespace lockscope
