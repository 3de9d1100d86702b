// SPDX-License-Identifier: MIT
#include "core/risk/RiskDecision.hpp"

#include <cstddef>

namespace cw::risk {

std::string formatRiskNumber(const Decimal& value, int minDecimals) {
    const std::string text = value.toString();
    std::size_t begin = 0;
    std::string sign;
    if (!text.empty() && text.front() == '-') {
        sign = "-";
        begin = 1;
    }
    const std::size_t dot = text.find('.');
    const std::string integerPart =
        text.substr(begin, dot == std::string::npos ? std::string::npos : dot - begin);
    std::string fraction = dot == std::string::npos ? std::string() : text.substr(dot + 1);
    const std::size_t keep = minDecimals < 0 ? 0 : static_cast<std::size_t>(minDecimals);
    while (fraction.size() > keep && fraction.back() == '0')
        fraction.pop_back();
    if (fraction.size() < keep)
        fraction.append(keep - fraction.size(), '0');

    std::string grouped;
    grouped.reserve(integerPart.size() + integerPart.size() / 3);
    for (std::size_t i = 0; i < integerPart.size(); ++i) {
        if (i > 0 && (integerPart.size() - i) % 3 == 0)
            grouped += ',';
        grouped += integerPart[i];
    }
    std::string out = sign + grouped;
    if (!fraction.empty())
        out += '.' + fraction;
    return out;
}

std::string formatRiskMoney(const Money& value, int minDecimals) {
    std::string out = formatRiskNumber(value.amount(), minDecimals);
    if (!value.currency().isEmpty()) {
        out += ' ';
        out += value.currency().code();
    }
    return out;
}

} // namespace cw::risk
