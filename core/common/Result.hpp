// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Assert.hpp"
#include "core/common/Error.hpp"

#include <type_traits>
#include <utility>
#include <variant>

namespace cw {

/// Either a value or an Error; the return type of every fallible call at a module boundary.
///
///     Result<Price> p = Price::parse("0.00001234", 8);
///     if (!p) return p.error();
///     use(*p);
///
/// Reading the value of an error (or the error of a value) is a programmer error (CW_ASSERT).
template <class T>
class [[nodiscard]] Result {
public:
    using value_type = T;

    Result(const T& value) : m_state(value) {}
    Result(T&& value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}
    template <class U>
    requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::decay_t<U>, T> &&
             !std::is_same_v<std::decay_t<U>, Error> && !std::is_same_v<std::decay_t<U>, Result<T>>)
        Result(U&& value)
        : m_state(std::in_place_index<0>, std::forward<U>(value)) {}

    bool hasValue() const { return m_state.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T& value() & {
        CW_ASSERT(hasValue());
        return std::get<0>(m_state);
    }
    const T& value() const& {
        CW_ASSERT(hasValue());
        return std::get<0>(m_state);
    }
    T&& value() && {
        CW_ASSERT(hasValue());
        return std::get<0>(std::move(m_state));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    template <class U>
    T valueOr(U&& fallback) const& {
        return hasValue() ? std::get<0>(m_state) : static_cast<T>(std::forward<U>(fallback));
    }

    const Error& error() const& {
        CW_ASSERT(!hasValue());
        return std::get<1>(m_state);
    }
    Error&& error() && {
        CW_ASSERT(!hasValue());
        return std::get<1>(std::move(m_state));
    }

private:
    std::variant<T, Error> m_state;
};

/// A fallible operation without a value.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool hasValue() const { return !m_failed; }
    explicit operator bool() const { return hasValue(); }
    const Error& error() const {
        CW_ASSERT(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

/// Shorthand for building an error result: `return fail(ErrorCode::NotFound, "no such symbol");`
inline Error fail(ErrorCode code, std::string message) {
    return Error{code, std::move(message)};
}

} // namespace cw
