// SPDX-License-Identifier: MIT
#include "core/risk/OrderIntent.hpp"

namespace cw::risk {

OrderIntent OrderIntent::fromSubmit(const adapters::SubmitOrder& order) {
    OrderIntent intent;
    intent.kind = Kind::Submit;
    intent.instrument = order.instrument;
    intent.account = order.account;
    intent.side = order.side;
    intent.type = order.type;
    intent.quantity = order.quantity;
    intent.limitPrice = order.limitPrice;
    intent.stopPrice = order.stopPrice;
    return intent;
}

OrderIntent OrderIntent::fromModify(const adapters::ModifyOrder& modify,
                                    const WorkingOrderState& current) {
    OrderIntent intent;
    intent.kind = Kind::Modify;
    intent.instrument = modify.instrument;
    intent.account = current.account;
    intent.side = current.side;
    intent.type = current.type;
    intent.quantity = modify.quantity.isZero() ? current.quantity : modify.quantity;
    intent.limitPrice = modify.limitPrice.isZero() ? current.limitPrice : modify.limitPrice;
    intent.stopPrice = modify.stopPrice.isZero() ? current.stopPrice : modify.stopPrice;
    intent.filledQuantity = current.filledQuantity;
    auto open = current.quantity.subtract(current.filledQuantity);
    intent.replacedOpenQuantity = open ? *open : Quantity();
    return intent;
}

Result<Quantity> OrderIntent::openQuantity() const {
    if (kind != Kind::Modify)
        return quantity;
    return quantity.subtract(filledQuantity);
}

} // namespace cw::risk
