// SPDX-License-Identifier: MIT
#pragma once

namespace cw::detail {
/// Reports a failed assertion on stderr; aborts when `fatal`.
void reportAssertion(const char* expr, const char* file, int line, bool fatal);
} // namespace cw::detail

/// Programmer error: a broken precondition that must never happen. Aborts in every build type.
#define CW_ASSERT(cond)                                                                            \
    do {                                                                                           \
        if (!(cond)) [[unlikely]]                                                                  \
            ::cw::detail::reportAssertion(#cond, __FILE__, __LINE__, true);                        \
    } while (false)

/// "Check, log and carry on" for cases that must not crash a live session:
/// logs the failed condition and runs `action` (for example `return`, `continue`).
#define CW_CHECK(cond, action)                                                                     \
    if (!(cond)) [[unlikely]] {                                                                    \
        ::cw::detail::reportAssertion(#cond, __FILE__, __LINE__, false);                           \
        action;                                                                                    \
    }
