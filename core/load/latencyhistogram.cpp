#include "load/latencyhistogram.h"

#include <QString>

#include <algorithm>
#include <bit>
#include <cmath>

namespace lockscope {

int LatencyHistogram::bucketOf(qint64 us) {
    if (us < kSubBuckets)
        return static_cast<int>(std::max<qint64>(0, us));              // exact below 32 µs
    const int power = 63 - std::countl_zero(static_cast<quint64>(us)); // >= kSubBits
    const int shift = power - kSubBits;
    const int sub = static_cast<int>((us >> shift) & (kSubBuckets - 1));
    const int bucket = (shift + 1) * kSubBuckets + sub;
    return std::min(bucket, kBuckets - 1);
}

qint64 LatencyHistogram::upperEdgeUs(int bucket) {
    if (bucket < kSubBuckets)
        return bucket + 1;
    const int shift = bucket / kSubBuckets - 1;
    const qint64 sub = bucket % kSubBuckets;
    return ((kSubBuckets + sub + 1) << shift);
}

void LatencyHistogram::recordNs(qint64 ns) {
    ns = std::max<qint64>(0, ns);
    ++m_buckets[static_cast<size_t>(bucketOf(ns / 1000))];
    ++m_count;
    m_maxNs = std::max(m_maxNs, ns);
    m_sumNs += static_cast<double>(ns);
}

void LatencyHistogram::merge(const LatencyHistogram &other) {
    for (size_t i = 0; i < m_buckets.size(); ++i)
        m_buckets[i] += other.m_buckets[i];
    m_count += other.m_count;
    m_maxNs = std::max(m_maxNs, other.m_maxNs);
    m_sumNs += other.m_sumNs;
}

void LatencyHistogram::clear() {
    *this = LatencyHistogram();
}

double LatencyHistogram::percentileMs(double p) const {
    if (m_count == 0)
        return 0;
    const auto rank = static_cast<qint64>(std::ceil(std::clamp(p, 0.0, 1.0) * m_count));
    qint64 seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += m_buckets[static_cast<size_t>(i)];
        if (seen >= std::max<qint64>(rank, 1))
            return std::min(static_cast<double>(upperEdgeUs(i)) / 1000.0, maxMs());
    }
    return maxMs();
}

double LatencyHistogram::meanMs() const {
    return m_count ? m_sumNs / static_cast<double>(m_count) / 1e6 : 0;
}

QJsonObject LatencyHistogram::toJson() const {
    QJsonObject buckets;
    for (int i = 0; i < kBuckets; ++i) {
        if (m_buckets[static_cast<size_t>(i)])
            buckets.insert(QString::number(i), m_buckets[static_cast<size_t>(i)]);
    }
    return QJsonObject{{QStringLiteral("max_ns"), m_maxNs},
                       {QStringLiteral("sum_ns"), m_sumNs},
                       {QStringLiteral("b"), buckets}};
}

LatencyHistogram LatencyHistogram::fromJson(const QJsonObject &o) {
    LatencyHistogram h;
    const QJsonObject buckets = o.value(QStringLiteral("b")).toObject();
    for (auto it = buckets.begin(); it != buckets.end(); ++it) {
        const int i = it.key().toInt();
        if (i < 0 || i >= kBuckets)
            continue;
        h.m_buckets[static_cast<size_t>(i)] = it.value().toInteger();
        h.m_count += it.value().toInteger();
    }
    h.m_maxNs = o.value(QStringLiteral("max_ns")).toInteger();
    h.m_sumNs = o.value(QStringLiteral("sum_ns")).toDouble();
    return h;
}

} // namespace lockscope
