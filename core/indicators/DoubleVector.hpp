// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

#if defined(__AVX2__) || defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace cw::indicators {

/// kWidth doubles processed as one SIMD register: 8 with AVX-512, 4 with AVX2 (and FMA), and
/// otherwise 4 plain doubles in an array (portable; the compiler vectorises what it can). The
/// building block of the lane-parallel kernels (LinearRecurrence::Lanes, Bollinger). Only the
/// operations those kernels need; all element-wise unless said otherwise.
///
/// Internal to the indicators library, whose sources all see the same -march: the width is a
/// compile-time property of that build. Thread: a value type.
class DoubleVector {
public:
#if defined(__AVX512F__)
    static constexpr std::size_t kWidth = 8;
    using Native = __m512d;
#elif defined(__AVX2__) && defined(__FMA__)
    static constexpr std::size_t kWidth = 4;
    using Native = __m256d;
#else
    static constexpr std::size_t kWidth = 4;
    struct Native {
        double v[kWidth];
    };
#endif
    /// Bytes of one vector; stream() needs this alignment.
    static constexpr std::size_t kBytes = kWidth * sizeof(double);

    /// All lanes 0.
    DoubleVector() : m_v(zeroNative()) {}

    static DoubleVector broadcast(double x) {
#if defined(__AVX512F__)
        return DoubleVector(_mm512_set1_pd(x));
#elif defined(__AVX2__) && defined(__FMA__)
        return DoubleVector(_mm256_set1_pd(x));
#else
        DoubleVector r;
        for (double& v : r.m_v.v)
            v = x;
        return r;
#endif
    }

    /// Lanes p[0..kWidth), any alignment.
    static DoubleVector load(const double* p) {
#if defined(__AVX512F__)
        return DoubleVector(_mm512_loadu_pd(p));
#elif defined(__AVX2__) && defined(__FMA__)
        return DoubleVector(_mm256_loadu_pd(p));
#else
        DoubleVector r;
        for (std::size_t k = 0; k < kWidth; ++k)
            r.m_v.v[k] = p[k];
        return r;
#endif
    }

    /// p[0..kWidth) = lanes, any alignment.
    void store(double* p) const {
#if defined(__AVX512F__)
        _mm512_storeu_pd(p, m_v);
#elif defined(__AVX2__) && defined(__FMA__)
        _mm256_storeu_pd(p, m_v);
#else
        for (std::size_t k = 0; k < kWidth; ++k)
            p[k] = m_v.v[k];
#endif
    }

    /// store() bypassing the caches (non-temporal), for large outputs not read back soon.
    /// `p` must be kBytes-aligned (see isStreamAligned); call OutputWriter::fence() after the
    /// last one.
    void stream(double* p) const {
#if defined(__AVX512F__)
        _mm512_stream_pd(p, m_v);
#elif defined(__AVX2__) && defined(__FMA__)
        _mm256_stream_pd(p, m_v);
#else
        store(p);
#endif
    }

    static bool isStreamAligned(const double* p) {
        return reinterpret_cast<std::uintptr_t>(p) % kBytes == 0;
    }

    /// Lane k (k < kWidth).
    double lane(std::size_t k) const {
        double v[kWidth];
        store(v);
        return v[k];
    }
    double last() const {
        return lane(kWidth - 1);
    }

    /// The lanes moved up by K: lanes [0, K) are the last K lanes of `previous`, lanes
    /// [K, kWidth) are lanes [0, kWidth - K) of `current`. As if the two were consecutive in
    /// memory and one loaded K elements before `current`. 0 < K < kWidth.
    template <std::size_t K>
    static DoubleVector shiftIn(DoubleVector previous, DoubleVector current) {
        static_assert(K > 0 && K < kWidth);
#if defined(__AVX512F__)
        // The zero-masking forms (all lanes kept): GCC 12's plain ones start from an
        // "undefined" register that -Wmaybe-uninitialized reports.
        return DoubleVector(_mm512_castsi512_pd(
            _mm512_maskz_alignr_epi64(kAllLanes, _mm512_castpd_si512(current.m_v),
                                      _mm512_castpd_si512(previous.m_v), kWidth - K)));
#elif defined(__AVX2__) && defined(__FMA__)
        // [p2 p3 c0 c1]
        const __m256d mid = _mm256_permute2f128_pd(previous.m_v, current.m_v, 0x21);
        if constexpr (K == 2)
            return DoubleVector(mid);
        else if constexpr (K == 1)
            return DoubleVector(_mm256_shuffle_pd(mid, current.m_v, 0b0101)); // [p3 c0 c1 c2]
        else
            return DoubleVector(_mm256_shuffle_pd(previous.m_v, mid, 0b0101)); // [p1 p2 p3 c0]
#else
        DoubleVector r;
        for (std::size_t k = 0; k < kWidth; ++k)
            r.m_v.v[k] = k < K ? previous.m_v.v[kWidth - K + k] : current.m_v.v[k - K];
        return r;
#endif
    }

    /// a*b + c, rounded once.
    friend DoubleVector fma(DoubleVector a, DoubleVector b, DoubleVector c) {
#if defined(__AVX512F__)
        return DoubleVector(_mm512_fmadd_pd(a.m_v, b.m_v, c.m_v));
#elif defined(__AVX2__) && defined(__FMA__)
        return DoubleVector(_mm256_fmadd_pd(a.m_v, b.m_v, c.m_v));
#else
        DoubleVector r;
        for (std::size_t k = 0; k < kWidth; ++k)
            r.m_v.v[k] = std::fma(a.m_v.v[k], b.m_v.v[k], c.m_v.v[k]);
        return r;
#endif
    }

    friend DoubleVector operator+(DoubleVector a, DoubleVector b) {
#if defined(__AVX512F__)
        return DoubleVector(_mm512_add_pd(a.m_v, b.m_v));
#elif defined(__AVX2__) && defined(__FMA__)
        return DoubleVector(_mm256_add_pd(a.m_v, b.m_v));
#else
        return apply(a, b, [](double x, double y) { return x + y; });
#endif
    }

    friend DoubleVector operator-(DoubleVector a, DoubleVector b) {
#if defined(__AVX512F__)
        return DoubleVector(_mm512_sub_pd(a.m_v, b.m_v));
#elif defined(__AVX2__) && defined(__FMA__)
        return DoubleVector(_mm256_sub_pd(a.m_v, b.m_v));
#else
        return apply(a, b, [](double x, double y) { return x - y; });
#endif
    }

    friend DoubleVector operator*(DoubleVector a, DoubleVector b) {
#if defined(__AVX512F__)
        return DoubleVector(_mm512_mul_pd(a.m_v, b.m_v));
#elif defined(__AVX2__) && defined(__FMA__)
        return DoubleVector(_mm256_mul_pd(a.m_v, b.m_v));
#else
        return apply(a, b, [](double x, double y) { return x * y; });
#endif
    }

    /// Lanes of `a` where a > b, else of `b` (so NaN in `a` gives b: not NaN-propagating).
    friend DoubleVector maxOf(DoubleVector a, DoubleVector b) {
#if defined(__AVX512F__)
        return DoubleVector(_mm512_maskz_max_pd(kAllLanes, a.m_v, b.m_v));
#elif defined(__AVX2__) && defined(__FMA__)
        return DoubleVector(_mm256_max_pd(a.m_v, b.m_v));
#else
        return apply(a, b, [](double x, double y) { return x > y ? x : y; });
#endif
    }

    /// |a| (clears the sign bit; NaN stays NaN).
    friend DoubleVector abs(DoubleVector a) {
#if defined(__AVX512F__)
        return DoubleVector(_mm512_abs_pd(a.m_v));
#elif defined(__AVX2__) && defined(__FMA__)
        return DoubleVector(_mm256_andnot_pd(_mm256_set1_pd(-0.0), a.m_v));
#else
        return apply(a, a, [](double x, double) { return std::fabs(x); });
#endif
    }

    /// Square root of max(a, 0) (NaN stays NaN).
    friend DoubleVector sqrtOfPositivePart(DoubleVector a) {
#if defined(__AVX512F__)
        const __m512d zero = _mm512_setzero_pd();
        const __mmask8 negative = _mm512_cmp_pd_mask(a.m_v, zero, _CMP_LT_OQ);
        return DoubleVector(
            _mm512_maskz_sqrt_pd(kAllLanes, _mm512_mask_blend_pd(negative, a.m_v, zero)));
#elif defined(__AVX2__) && defined(__FMA__)
        const __m256d zero = _mm256_setzero_pd();
        const __m256d negative = _mm256_cmp_pd(a.m_v, zero, _CMP_LT_OQ);
        return DoubleVector(_mm256_sqrt_pd(_mm256_blendv_pd(a.m_v, zero, negative)));
#else
        return apply(a, a, [](double x, double) { return x < 0.0 ? 0.0 : std::sqrt(x); });
#endif
    }

    /// Lanes of `probe` where it is NaN, of `value` elsewhere.
    friend DoubleVector nanOr(DoubleVector probe, DoubleVector value) {
#if defined(__AVX512F__)
        const __mmask8 nan = _mm512_cmp_pd_mask(probe.m_v, probe.m_v, _CMP_UNORD_Q);
        return DoubleVector(_mm512_mask_blend_pd(nan, value.m_v, probe.m_v));
#elif defined(__AVX2__) && defined(__FMA__)
        const __m256d nan = _mm256_cmp_pd(probe.m_v, probe.m_v, _CMP_UNORD_Q);
        return DoubleVector(_mm256_blendv_pd(value.m_v, probe.m_v, nan));
#else
        return apply(probe, value, [](double p, double v) { return p != p ? p : v; });
#endif
    }

    /// Lanes where a <= b (ordered: a NaN lane never counts).
    friend std::size_t countLessEqual(DoubleVector a, DoubleVector b) {
#if defined(__AVX512F__)
        const __mmask8 m = _mm512_cmp_pd_mask(a.m_v, b.m_v, _CMP_LE_OQ);
        return static_cast<std::size_t>(__builtin_popcount(static_cast<unsigned>(m)));
#elif defined(__AVX2__) && defined(__FMA__)
        const int m = _mm256_movemask_pd(_mm256_cmp_pd(a.m_v, b.m_v, _CMP_LE_OQ));
        return static_cast<std::size_t>(__builtin_popcount(static_cast<unsigned>(m)));
#else
        std::size_t c = 0;
        for (std::size_t k = 0; k < kWidth; ++k)
            c += a.m_v.v[k] <= b.m_v.v[k] ? 1 : 0;
        return c;
#endif
    }

private:
#if defined(__AVX512F__)
    static constexpr __mmask8 kAllLanes = 0xFF;
#endif

    explicit DoubleVector(Native v) : m_v(v) {}

    static Native zeroNative() {
#if defined(__AVX512F__)
        return _mm512_setzero_pd();
#elif defined(__AVX2__) && defined(__FMA__)
        return _mm256_setzero_pd();
#else
        return Native{};
#endif
    }

#if !(defined(__AVX512F__) || (defined(__AVX2__) && defined(__FMA__)))
    template <class F>
    static DoubleVector apply(DoubleVector a, DoubleVector b, F f) {
        DoubleVector r;
        for (std::size_t k = 0; k < kWidth; ++k)
            r.m_v.v[k] = f(a.m_v.v[k], b.m_v.v[k]);
        return r;
    }
#endif

    Native m_v;
};

} // namespace cw::indicators
