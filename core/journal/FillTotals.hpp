// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Decimal.hpp"
#include "core/domain/Money.hpp"

#include <cstdint>
#include <vector>

namespace cw::journal {

/// Sums over a set of journaled fills, exact (decimal arithmetic on the stored text).
struct FillTotals {
    std::int64_t fillCount = 0;
    std::int64_t buyCount = 0;
    std::int64_t sellCount = 0;
    Decimal boughtQuantity{}; ///< sum of the buy fills' quantities
    Decimal soldQuantity{};
    Decimal boughtNotional{}; ///< sum of quantity x price over the buy fills
    Decimal soldNotional{};
    std::vector<Money> fees{}; ///< one sum per fee currency, in order of first appearance
};

} // namespace cw::journal
