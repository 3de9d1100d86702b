// SPDX-License-Identifier: MIT
#include "core/adapters/sim/PaperAccountFile.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

namespace cw::adapters::sim {

namespace {

std::vector<std::string_view> splitTabs(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        if (tab == std::string_view::npos) {
            fields.push_back(line.substr(start));
            return fields;
        }
        fields.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
}

template <class T>
bool parseInteger(std::string_view text, T& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return !text.empty() && ec == std::errc() && ptr == end;
}

std::string_view liquidityName(Liquidity liquidity) {
    return liquidity == Liquidity::Maker   ? "Maker"
           : liquidity == Liquidity::Taker ? "Taker"
                                           : "Invalid";
}

/// Reads the fields of one line in order; remembers the first problem.
class FieldReader {
public:
    explicit FieldReader(std::vector<std::string_view> fields) : m_fields(std::move(fields)) {}

    std::string text() { return std::string(next()); }
    /// True when fields are left (an optional trailing field follows).
    bool hasMore() const { return m_next < m_fields.size(); }
    Decimal decimal() {
        auto d = Decimal::parse(next());
        if (!d)
            failed("a decimal");
        return d ? *d : Decimal();
    }
    template <class T>
    T integer() {
        T value{};
        if (!parseInteger(next(), value))
            failed("an integer");
        return value;
    }
    Currency currency() {
        auto c = Currency::parse(next());
        if (!c)
            failed("a currency code");
        return c ? *c : Currency();
    }
    InstrumentKey instrument() {
        auto k = InstrumentKey::parse(next());
        if (!k)
            failed("an instrument VENUE:SYMBOL");
        return k ? *k : InstrumentKey();
    }
    Side side() {
        const std::string_view t = next();
        if (t == "Buy")
            return Side::Buy;
        if (t == "Sell")
            return Side::Sell;
        failed("Buy or Sell");
        return Side::Invalid;
    }
    OrderType type() {
        const std::string_view t = next();
        for (const OrderType v :
             {OrderType::Market, OrderType::Limit, OrderType::Stop, OrderType::StopLimit})
            if (orderTypeName(v) == t)
                return v;
        failed("an order type");
        return OrderType::Invalid;
    }
    TimeInForce timeInForce() {
        const std::string_view t = next();
        for (const TimeInForce v :
             {TimeInForce::Gtc, TimeInForce::Ioc, TimeInForce::Fok, TimeInForce::Day})
            if (timeInForceName(v) == t)
                return v;
        failed("a time in force");
        return TimeInForce::Invalid;
    }
    Liquidity liquidity() {
        const std::string_view t = next();
        if (t == "Maker")
            return Liquidity::Maker;
        if (t == "Taker")
            return Liquidity::Taker;
        failed("Maker or Taker");
        return Liquidity::Invalid;
    }
    bool flag() {
        const std::string_view t = next();
        if (t != "0" && t != "1")
            failed("0 or 1");
        return t == "1";
    }

    /// Empty when every field was read, well formed, and none is left over.
    std::string problem() const {
        if (!m_problem.empty())
            return m_problem;
        if (m_next != m_fields.size())
            return "has " + std::to_string(m_fields.size()) + " fields, expected " +
                   std::to_string(m_next);
        return {};
    }

private:
    std::string_view next() {
        if (m_next >= m_fields.size()) {
            if (m_problem.empty())
                m_problem = "has too few fields";
            ++m_next;
            return {};
        }
        return m_fields[m_next++];
    }
    void failed(std::string_view expected) {
        if (m_problem.empty())
            m_problem = "field " + std::to_string(m_next) + " is not " + std::string(expected);
    }

    std::vector<std::string_view> m_fields;
    std::size_t m_next = 1; // field 0 is the record kind
    std::string m_problem;
};

} // namespace

std::string PaperAccountFile::format(const PaperAccountState& state) {
    std::ostringstream out;
    out << kHeader << '\n';
    out << "saved\t" << state.savedTime << '\n';
    out << "counters\t" << state.nextOrderNumber << '\t' << state.nextTradeNumber << '\t'
        << state.nextPriority << '\n';
    for (const auto& [currency, amount] : state.balances)
        out << "balance\t" << currency.code() << '\t' << amount.toString() << '\n';
    for (const auto& [symbol, p] : state.positions)
        out << "position\t" << symbol << '\t' << p.quantity.toString() << '\t' << p.cost.toString()
            << '\t' << p.cost.currency().code() << '\t' << p.realized.toString() << '\n';
    for (const PaperOrder& o : state.orders)
        out << "order\t" << o.clientOrderId << '\t' << o.venueOrderId << '\t'
            << o.instrument.toString() << '\t' << sideName(o.side) << '\t' << orderTypeName(o.type)
            << '\t' << timeInForceName(o.timeInForce) << '\t' << o.quantity.toString() << '\t'
            << o.filled.toString() << '\t' << o.limitPrice.toString() << '\t'
            << o.stopPrice.toString() << '\t' << (o.triggered ? 1 : 0) << '\t' << o.createdTime
            << '\t' << o.expiryTime << '\t' << o.priority
            << (o.account.empty() ? std::string() : "\t" + o.account) << '\n';
    for (const OrderFilled& f : state.recentFills)
        out << "fill\t" << f.clientOrderId << '\t' << f.venueOrderId << '\t'
            << f.instrument.toString() << '\t' << f.tradeId << '\t' << sideName(f.side) << '\t'
            << f.quantity.toString() << '\t' << f.price.toString() << '\t' << f.fee.toString()
            << '\t' << f.fee.currency().code() << '\t' << liquidityName(f.liquidity) << '\t'
            << f.cumulativeQuantity.toString() << '\t' << f.leavesQuantity.toString() << '\t'
            << f.venueTime << (f.account.empty() ? std::string() : "\t" + f.account) << '\n';
    out << "end\n";
    return out.str();
}

Result<PaperAccountState> PaperAccountFile::parse(std::string_view text, std::string_view origin) {
    PaperAccountState state;
    std::size_t lineNumber = 0;
    bool sawHeader = false;
    bool sawEnd = false;
    auto error = [&](const std::string& what) {
        return fail(ErrorCode::ParseError, "paper account file " + std::string(origin) + ", line " +
                                               std::to_string(lineNumber) + ": " + what);
    };
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (sawEnd)
            return error("text after the end line");
        if (!sawHeader) {
            if (line != kHeader)
                return error("not a paper account file (expected the header '" +
                             std::string("candlewick-paper-account <TAB> 1") + "')");
            sawHeader = true;
            continue;
        }
        FieldReader r(splitTabs(line));
        const std::string_view kind = splitTabs(line).front();
        if (kind == "end") {
            sawEnd = true;
        } else if (kind == "saved") {
            state.savedTime = r.integer<TimestampNs>();
        } else if (kind == "counters") {
            state.nextOrderNumber = r.integer<std::uint64_t>();
            state.nextTradeNumber = r.integer<std::uint64_t>();
            state.nextPriority = r.integer<std::uint64_t>();
        } else if (kind == "balance") {
            const Currency currency = r.currency();
            state.balances[currency] = r.decimal();
        } else if (kind == "position") {
            const std::string symbol = r.text();
            PaperPosition p;
            p.quantity = Quantity(r.decimal());
            const Decimal cost = r.decimal();
            const Currency currency = r.currency();
            p.cost = Money(cost, currency);
            p.realized = Money(r.decimal(), currency);
            if (symbol.empty())
                return error("position without a symbol");
            state.positions[symbol] = p;
        } else if (kind == "order") {
            PaperOrder o;
            o.clientOrderId = r.text();
            o.venueOrderId = r.text();
            o.instrument = r.instrument();
            o.side = r.side();
            o.type = r.type();
            o.timeInForce = r.timeInForce();
            o.quantity = Quantity(r.decimal());
            o.filled = Quantity(r.decimal());
            o.limitPrice = Price(r.decimal());
            o.stopPrice = Price(r.decimal());
            o.triggered = r.flag();
            o.createdTime = r.integer<TimestampNs>();
            o.expiryTime = r.integer<TimestampNs>();
            o.priority = r.integer<std::uint64_t>();
            if (r.hasMore()) // files written before accounts were kept have none
                o.account = r.text();
            if (r.problem().empty() && (o.clientOrderId.empty() || o.venueOrderId.empty()))
                return error("order without an id");
            state.orders.push_back(std::move(o));
        } else if (kind == "fill") {
            OrderFilled f;
            f.clientOrderId = r.text();
            f.venueOrderId = r.text();
            f.instrument = r.instrument();
            f.tradeId = r.text();
            f.side = r.side();
            f.quantity = Quantity(r.decimal());
            f.price = Price(r.decimal());
            const Decimal fee = r.decimal();
            f.fee = Money(fee, r.currency());
            f.liquidity = r.liquidity();
            f.cumulativeQuantity = Quantity(r.decimal());
            f.leavesQuantity = Quantity(r.decimal());
            f.venueTime = r.integer<TimestampNs>();
            f.receivedTime = f.venueTime;
            if (r.hasMore())
                f.account = r.text();
            state.recentFills.push_back(std::move(f));
        } else {
            return error("unknown record '" + std::string(kind) + "'");
        }
        if (const std::string problem = r.problem(); !problem.empty())
            return error(std::string(kind) + " record " + problem);
    }
    if (!sawHeader)
        return fail(ErrorCode::ParseError,
                    "paper account file " + std::string(origin) + " is empty");
    if (!sawEnd)
        return fail(ErrorCode::ParseError,
                    "paper account file " + std::string(origin) + " is truncated (no end line)");
    return state;
}

Result<std::optional<PaperAccountState>> PaperAccountFile::load(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return std::optional<PaperAccountState>();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(ErrorCode::IoError, "cannot open paper account file " + path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        return fail(ErrorCode::IoError, "cannot read paper account file " + path);
    auto state = parse(buffer.str(), path);
    if (!state)
        return state.error();
    return std::optional<PaperAccountState>(std::move(*state));
}

Result<void> PaperAccountFile::save(const std::string& path, const PaperAccountState& state) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            return fail(ErrorCode::IoError, "cannot write " + temporary);
        out << format(state);
        out.flush();
        if (!out)
            return fail(ErrorCode::IoError, "cannot write " + temporary);
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec)
        return fail(ErrorCode::IoError,
                    "cannot replace paper account file " + path + ": " + ec.message());
    return {};
}

} // namespace cw::adapters::sim
