// SPDX-License-Identifier: MIT
#include "core/common/Assert.hpp"

#include <cstdio>
#include <cstdlib>

namespace cw::detail {

void reportAssertion(const char* expr, const char* file, int line, bool fatal) {
    std::fprintf(stderr, "candlewick: %s: %s:%d: %s\n", fatal ? "assertion failed" : "check failed",
                 file, line, expr);
    if (fatal)
        std::abort();
}

} // namespace cw::detail
