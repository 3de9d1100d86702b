// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__AVX__) || defined(__SSE2__)
#include <immintrin.h>
#endif

namespace cw::indicators {

/// Copies finished output rows from L1 scratch to a caller's output column. Columns of at
/// least kStreamingRows rows are far larger than the caches and are not read back by the
/// kernel, so they are written with non-temporal (streaming) stores: the CPU then skips
/// reading each destination cache line before overwriting it, which would otherwise double the
/// memory traffic of a write. Shorter columns use ordinary stores and stay cached for the
/// caller. Call `fence()` once after the last streaming write of a kernel.
/// Thread: stateless.
class OutputWriter {
public:
    /// 4 MiB of doubles: beyond the per-core caches of current desktop CPUs.
    static constexpr std::size_t kStreamingRows = std::size_t{1} << 19;

    static bool streams(std::size_t columnRows) { return columnRows >= kStreamingRows; }

    /// dst[0..n) = src[0..n), src being finished rows in L1 scratch; `streaming` from
    /// streams() of the whole column.
    static void copy(double* dst, const double* src, std::size_t n, bool streaming) {
        std::size_t j = 0;
#if defined(__AVX__)
        if (streaming) {
            // Whole 64-byte lines only: a partly streamed line costs a read-modify-write in
            // memory. The partial lines at both ends get ordinary stores.
            constexpr std::size_t kLine = 64;
            for (; j < n && reinterpret_cast<std::uintptr_t>(dst + j) % kLine != 0; ++j)
                dst[j] = src[j];
            for (; j + 8 <= n; j += 8) {
                _mm256_stream_pd(dst + j, _mm256_loadu_pd(src + j));
                _mm256_stream_pd(dst + j + 4, _mm256_loadu_pd(src + j + 4));
            }
        }
#else
        (void)streaming;
#endif
        for (; j < n; ++j)
            dst[j] = src[j];
    }

    /// Orders the streaming stores before anything the caller does next.
    static void fence() {
#if defined(__AVX__) || defined(__SSE2__)
        _mm_sfence();
#endif
    }
};

} // namespace cw::indicators
