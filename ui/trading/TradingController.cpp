// SPDX-License-Identifier: MIT
#include "ui/trading/TradingController.hpp"

#include "ui/trading/TradingFormat.hpp"

#include <QMessageBox>

#include <utility>

namespace cw::ui {

TradingController::TradingController(TradingCommandPoster poster,
                                     std::vector<Instrument> instruments, QObject* parent)
    : QObject(parent), m_poster(std::move(poster)), m_instruments(std::move(instruments)),
      m_snapshot(std::make_shared<const engine::TradingSnapshot>()) {}

const Instrument* TradingController::instrument(const adapters::InstrumentKey& key) const {
    for (const Instrument& in : m_instruments)
        if (in.venue == key.venue() && in.symbol == key.symbol())
            return &in;
    return nullptr;
}

void TradingController::setSnapshot(const SnapshotPtr& snapshot) {
    if (!snapshot)
        return;
    if (m_haveSnapshot && snapshot->version != 0 && snapshot->version < m_snapshot->version)
        return;
    m_snapshot = snapshot;
    m_haveSnapshot = true;
    emit snapshotChanged();
    // Copies: a slot may apply a newer snapshot while these are delivered.
    const SnapshotPtr keep = snapshot;
    for (const engine::TradingNotice& notice : keep->notices)
        emit noticeReceived(notice);
    for (const engine::OrderPreview& preview : keep->previews)
        emit previewReceived(preview);
}

void TradingController::setQuotes(const engine::QuoteBoardSnapshotPtr& quotes) {
    if (quotes)
        m_quotes = quotes;
}

std::optional<Price> TradingController::lastPrice(const adapters::InstrumentKey& key) const {
    if (!m_quotes)
        return std::nullopt;
    for (const engine::QuoteBoardRow& row : m_quotes->rows)
        if (row.instrument == key && row.hasLast && row.last.isPositive())
            return row.last;
    return std::nullopt;
}

void TradingController::setOneClick(bool on) {
    if (on == m_oneClick)
        return;
    m_oneClick = on;
    emit oneClickChanged(on);
}

void TradingController::setConfirmer(Confirmer confirmer) {
    m_confirmer = std::move(confirmer);
}

bool TradingController::confirm(QWidget* parent, const QString& title, const QString& text) const {
    if (m_confirmer)
        return m_confirmer(parent, title, text);
    return QMessageBox::question(parent, title, text, QMessageBox::Ok | QMessageBox::Cancel,
                                 QMessageBox::Ok) == QMessageBox::Ok;
}

std::uint64_t TradingController::placeOrder(engine::PlaceOrder order, QWidget* parent) {
    if (order.requestTag == 0)
        order.requestTag = nextRequestTag();
    if (!m_oneClick &&
        !confirm(parent, tr("Confirm order"),
                 tr("Send this order?\n\n%1").arg(TradingFormat::orderSummary(order))))
        return 0;
    const std::uint64_t tag = order.requestTag;
    return post(std::move(order)) ? tag : 0;
}

bool TradingController::post(engine::TradingCommand command) {
    if (!m_poster) {
        emit commandFailed(tr("Trading is not available"));
        return false;
    }
    auto posted = m_poster(std::move(command));
    if (!posted) {
        emit commandFailed(
            tr("Trading command not sent: %1").arg(QString::fromStdString(posted.error().message)));
        return false;
    }
    ++m_posted;
    return true;
}

} // namespace cw::ui
