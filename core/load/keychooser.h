#pragma once

#include <QList>

#include <random>

namespace lockscope {

// Picks one of K keys: uniformly (skew 0) or with a Zipf skew s > 0, where key i
// (0-based) has weight 1 / (i + 1)^s -- key 0 is the hot key.
class KeyChooser final {
public:
    KeyChooser(int keys, double skew);
    int choose(std::mt19937_64 &rng) const;
    int keys() const { return static_cast<int>(m_cdf.size()); }
    double probability(int key) const;

private:
    QList<double> m_cdf;
};

} // namespace lockscope
