// SPDX-License-Identifier: MIT
#include "core/exchangesim/HmacSigner.hpp"

#include <QByteArray>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <cctype>

namespace cw::exchangesim {

std::string HmacSigner::sign(std::string_view secret, std::string_view payload) {
    const QByteArray mac = QMessageAuthenticationCode::hash(
        QByteArray::fromRawData(payload.data(), static_cast<qsizetype>(payload.size())),
        QByteArray::fromRawData(secret.data(), static_cast<qsizetype>(secret.size())),
        QCryptographicHash::Sha256);
    return mac.toHex().toStdString();
}

bool HmacSigner::verify(std::string_view secret, std::string_view payload,
                        std::string_view signatureHex) {
    const std::string expected = sign(secret, payload);
    if (signatureHex.size() != expected.size())
        return false;
    unsigned difference = 0;
    for (std::size_t i = 0; i < expected.size(); ++i)
        difference |=
            static_cast<unsigned>(std::tolower(static_cast<unsigned char>(signatureHex[i])) ^
                                  static_cast<unsigned char>(expected[i]));
    return difference == 0;
}

} // namespace cw::exchangesim
