// SPDX-License-Identifier: MIT
#include "app/cli/CliArguments.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cw::cli {

Result<CliArguments> CliArguments::parse(std::span<const std::string> args,
                                         std::span<const CliOption> accepted) {
    CliArguments parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!arg.starts_with("--") || arg.size() == 2)
            return fail(ErrorCode::InvalidArgument, "unexpected argument '" + arg + "'");
        std::string_view name = std::string_view(arg).substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string_view::npos) {
            inlineValue = std::string(name.substr(eq + 1));
            name = name.substr(0, eq);
        }
        const auto option = std::find_if(accepted.begin(), accepted.end(),
                                         [&](const CliOption& o) { return o.name == name; });
        if (option == accepted.end())
            return fail(ErrorCode::InvalidArgument, "unknown option '--" + std::string(name) + "'");
        auto& slot = parsed.m_values[std::string(name)];
        if (!slot.empty() && !option->repeatable)
            return fail(ErrorCode::InvalidArgument,
                        "option '--" + std::string(name) + "' given more than once");
        if (!option->takesValue) {
            if (inlineValue)
                return fail(ErrorCode::InvalidArgument,
                            "option '--" + std::string(name) + "' takes no value");
            slot.emplace_back();
            continue;
        }
        if (inlineValue) {
            slot.push_back(*inlineValue);
        } else if (i + 1 < args.size()) {
            slot.push_back(args[++i]);
        } else {
            return fail(ErrorCode::InvalidArgument,
                        "option '--" + std::string(name) + "' needs a value");
        }
    }
    return parsed;
}

bool CliArguments::has(std::string_view name) const {
    return m_values.contains(name);
}

std::optional<std::string> CliArguments::value(std::string_view name) const {
    const auto it = m_values.find(name);
    if (it == m_values.end() || it->second.empty())
        return std::nullopt;
    return it->second.back();
}

std::vector<std::string> CliArguments::values(std::string_view name) const {
    const auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

Result<double> CliArguments::number(std::string_view name, double fallback) const {
    const auto text = value(name);
    if (!text)
        return fallback;
    double v = 0.0;
    const char* begin = text->data();
    const char* end = begin + text->size();
    if (begin != end && *begin == '+')
        ++begin;
    const auto r = std::from_chars(begin, end, v);
    if (text->empty() || r.ec != std::errc() || r.ptr != end || !std::isfinite(v))
        return fail(ErrorCode::InvalidArgument,
                    "option '--" + std::string(name) + "': '" + *text + "' is not a number");
    return v;
}

Result<std::uint64_t> CliArguments::count(std::string_view name, std::uint64_t fallback,
                                          std::uint64_t minimum) const {
    const auto text = value(name);
    if (!text)
        return fallback;
    std::uint64_t v = 0;
    const auto r = std::from_chars(text->data(), text->data() + text->size(), v);
    if (text->empty() || r.ec != std::errc() || r.ptr != text->data() + text->size())
        return fail(ErrorCode::InvalidArgument,
                    "option '--" + std::string(name) + "': '" + *text + "' is not a whole number");
    if (v < minimum)
        return fail(ErrorCode::InvalidArgument, "option '--" + std::string(name) +
                                                    "' must be at least " +
                                                    std::to_string(minimum) + ", got " + *text);
    return v;
}

} // namespace cw::cli
