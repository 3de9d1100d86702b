// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Instrument.hpp"
#include "core/domain/OrderType.hpp"
#include "core/domain/Side.hpp"
#include "core/engine/TradingCommand.hpp"
#include "core/engine/TradingSnapshot.hpp"

#include <QTimer>
#include <QWidget>

#include <cstdint>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace cw::ui {

class TradingController;

/// The order ticket: instrument, side, type (Market, Limit, Stop, Stop limit), quantity or
/// risk-based sizing, limit / stop prices, time in force, attached stop-loss / take-profit
/// (a Bracket), an optional trailing stop, the live pre-trade preview (estimated notional,
/// fee, funds needed and the risk gate's verdict) and Buy / Sell buttons.
///
/// Exactness: the spin boxes show the instrument's precision and step by its tick / lot, but
/// the values sent are parsed from their text as Price / Quantity (never converted from the
/// double) and snapped: prices to the nearest tick, quantities down to the lot.
/// Risk-based sizing: the quantity is the largest whole number of lots whose loss from the
/// entry (limit price, stop price for Stop, the last trade for Market) to the stop-loss is at
/// most the risk amount (in the instrument's quote currency); see OrderSizing.
///
/// Every change (debounced by kPreviewDelayMs) posts a PreviewOrder with a fresh request tag;
/// the matching OrderPreview is shown under the form. Buy / Sell build a PlaceOrder (origin
/// Ticket) and hand it to TradingController::placeOrder, which confirms unless one-click
/// trading is on; the engine's answer to it (a notice with its request tag: placed, or
/// rejected with the rule and the numbers) is shown next to the buttons.
/// Thread: GUI.
class OrderTicket : public QWidget {
    Q_OBJECT

public:
    static constexpr int kPreviewDelayMs = 250;
    enum class Sizing { Invalid = 0, Quantity, RiskAmount };

    explicit OrderTicket(TradingController& controller, QWidget* parent = nullptr);

    /// Selects `key` (false when no venue offers it).
    bool setInstrument(const adapters::InstrumentKey& key);
    adapters::InstrumentKey instrumentKey() const;
    const Instrument* instrument() const;

    void setSide(Side side);
    Side side() const;
    void setOrderType(OrderType type);
    OrderType orderType() const;
    void setSizing(Sizing sizing);
    Sizing sizing() const;
    void setTimeInForce(TimeInForce tif);

    /// The form's boxes (for tests and for other widgets that prefill the ticket).
    QDoubleSpinBox* quantityBox() const { return m_quantity; }
    QDoubleSpinBox* riskAmountBox() const { return m_riskAmount; }
    QDoubleSpinBox* limitBox() const { return m_limit; }
    QDoubleSpinBox* stopBox() const { return m_stop; }
    QDoubleSpinBox* stopLossBox() const { return m_stopLoss; }
    QDoubleSpinBox* takeProfitBox() const { return m_takeProfit; }
    QDoubleSpinBox* trailingBox() const { return m_trailing; }
    QCheckBox* stopLossCheck() const { return m_stopLossOn; }
    QCheckBox* takeProfitCheck() const { return m_takeProfitOn; }
    QCheckBox* trailingCheck() const { return m_trailingOn; }
    QPushButton* buyButton() const { return m_buy; }
    QPushButton* sellButton() const { return m_sell; }
    QLabel* previewLabel() const { return m_previewText; }
    QLabel* answerLabel() const { return m_answerText; }

    /// The quantity risk-based sizing gives now (errors: see OrderSizing::riskBasedQuantity;
    /// InvalidArgument without a stop-loss or an entry price).
    Result<Quantity> riskQuantity() const;
    /// The order the form describes, on `side` (Invalid: the side box's), exact and snapped.
    /// Errors (InvalidArgument) name the field: no instrument, quantity below one lot, a
    /// missing price, a trailing stop on a type other than Stop.
    Result<engine::PlaceOrder> buildOrder(Side side = Side::Invalid) const;
    /// Builds and places the order on `side` (asks for confirmation unless one-click).
    /// Returns the request tag, 0 when nothing was sent (the answer label says why).
    std::uint64_t submit(Side side);
    /// Posts a PreviewOrder for the form now (normally debounced); returns its tag, 0 when the
    /// form is incomplete.
    std::uint64_t requestPreview();

    std::uint64_t lastRequestTag() const { return m_answerTag; }
    std::uint64_t lastPreviewTag() const { return m_previewTag; }

signals:
    void message(const QString& text);

private:
    void buildForm();
    void applyInstrument();
    void updateEnabled();
    void formChanged();
    void snapBox(QDoubleSpinBox* box, bool isPrice);
    void onPreview(const engine::OrderPreview& preview);
    void onNotice(const engine::TradingNotice& notice);
    void showAnswer(const QString& text, bool ok);
    Result<Price> priceOf(const QDoubleSpinBox* box, const char* field) const;
    Result<Quantity> quantityOf(const QDoubleSpinBox* box) const;
    Result<Price> entryPrice() const;

    TradingController& m_controller;
    QTimer m_previewTimer;
    std::uint64_t m_previewTag = 0;
    std::uint64_t m_answerTag = 0;
    bool m_applying = false;
    QString m_appliedInstrument; ///< the instrument the boxes' precision and prices are for

    QComboBox* m_instrument = nullptr;
    QComboBox* m_side = nullptr;
    QComboBox* m_type = nullptr;
    QComboBox* m_sizing = nullptr;
    QComboBox* m_tif = nullptr;
    QDoubleSpinBox* m_quantity = nullptr;
    QDoubleSpinBox* m_riskAmount = nullptr;
    QDoubleSpinBox* m_limit = nullptr;
    QDoubleSpinBox* m_stop = nullptr;
    QCheckBox* m_stopLossOn = nullptr;
    QDoubleSpinBox* m_stopLoss = nullptr;
    QCheckBox* m_takeProfitOn = nullptr;
    QDoubleSpinBox* m_takeProfit = nullptr;
    QCheckBox* m_trailingOn = nullptr;
    QDoubleSpinBox* m_trailing = nullptr;
    QLabel* m_riskQuantityText = nullptr;
    QLabel* m_previewText = nullptr;
    QLabel* m_answerText = nullptr;
    QPushButton* m_buy = nullptr;
    QPushButton* m_sell = nullptr;
};

} // namespace cw::ui
