// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cw::cli {

/// One option a command accepts: "--name VALUE" (or "--name=VALUE") when it takes a value,
/// a plain "--name" flag otherwise.
struct CliOption {
    std::string_view name; ///< without the leading dashes
    bool takesValue = false;
    bool repeatable = false;
};

/// The options of one command line, parsed against a fixed list of accepted options.
/// Positional arguments are not accepted. Thread: value type.
class CliArguments {
public:
    /// Errors (InvalidArgument): an unknown option, a value missing, a non-repeatable option
    /// given twice, a flag given a value, or a positional argument.
    static Result<CliArguments> parse(std::span<const std::string> args,
                                      std::span<const CliOption> accepted);

    bool has(std::string_view name) const;
    /// The value of a single-valued option, if given.
    std::optional<std::string> value(std::string_view name) const;
    /// Every value of a repeatable option, in order.
    std::vector<std::string> values(std::string_view name) const;

    /// A real number option; `fallback` when absent. Errors: not a number or not finite.
    Result<double> number(std::string_view name, double fallback) const;
    /// A whole number option >= `minimum`; `fallback` when absent.
    Result<std::uint64_t> count(std::string_view name, std::uint64_t fallback,
                                std::uint64_t minimum) const;

private:
    std::map<std::string, std::vector<std::string>, std::less<>> m_values;
};

} // namespace cw::cli
