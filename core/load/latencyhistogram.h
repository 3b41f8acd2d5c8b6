#pragma once

#include <QJsonObject>

#include <array>
#include <cstdint>

namespace lockscope {

// A log-linear latency histogram: 32 sub-buckets per power of two of
// microseconds, from 1 µs to weeks, so any percentile is exact to within
// about 3 %. Fixed size, mergeable (threads, processes), serialisable; no samples
// are kept.
class LatencyHistogram final {
public:
    static constexpr int kSubBits = 5;
    static constexpr int kSubBuckets = 1 << kSubBits;
    static constexpr int kPowers = 38;
    static constexpr int kBuckets = kPowers * kSubBuckets;

    void recordNs(qint64 ns);
    void merge(const LatencyHistogram &other);
    void clear();

    qint64 count() const { return m_count; }
    // The p-quantile (0..1) in milliseconds: the upper edge of its bucket, capped
    // at the largest value seen. 0 when empty.
    double percentileMs(double p) const;
    double maxMs() const { return static_cast<double>(m_maxNs) / 1e6; }
    double meanMs() const;

    QJsonObject toJson() const; // sparse: {"max_ns": …, "sum_ns": …, "b": {"index": count}}
    static LatencyHistogram fromJson(const QJsonObject &o);

    static int bucketOf(qint64 us);
    static qint64 upperEdgeUs(int bucket);

private:
    std::array<qint64, kBuckets> m_buckets{};
    qint64 m_count = 0;
    qint64 m_maxNs = 0;
    double m_sumNs = 0;
};

} // namespace lockscope
