// SPDX-License-Identifier: MIT
#include "core/domain/Bar.hpp"

namespace cw {

bool Bar::isConsistent() const {
    return low <= open && low <= close && open <= high && close <= high && !volume.isNegative() &&
           tradeCount >= 0;
}

OhlcvRow Bar::toOhlcvRow() const {
    return {openTime,       open.toDouble(),  high.toDouble(),
            low.toDouble(), close.toDouble(), volume.toDouble()};
}

} // namespace cw
