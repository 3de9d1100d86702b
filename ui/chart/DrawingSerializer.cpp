// SPDX-License-Identifier: MIT
#include "ui/chart/DrawingSerializer.hpp"

#include "ui/chart/DrawingCoordinates.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>
#include <string>

namespace cw::ui {

namespace {

const QString kFormat = QStringLiteral("candlewick.drawings");
constexpr double kMinWidthPx = 1.0;
constexpr double kMaxWidthPx = 10.0;

std::string at(qsizetype index) {
    return "drawing " + std::to_string(index) + ": ";
}

Result<DrawingAnchor> readAnchor(const QJsonValue& value, const std::string& where) {
    if (!value.isObject())
        return fail(ErrorCode::ParseError, where + "anchor is not an object");
    const QJsonObject o = value.toObject();
    const QJsonValue time = o.value(QStringLiteral("timeNs"));
    const QJsonValue price = o.value(QStringLiteral("price"));
    if (!time.isString())
        return fail(ErrorCode::ParseError, where + "anchor timeNs missing or not a string");
    if (!price.isDouble())
        return fail(ErrorCode::ParseError, where + "anchor price missing or not a number");
    bool ok = false;
    const qlonglong t = time.toString().toLongLong(&ok);
    if (!ok)
        return fail(ErrorCode::ParseError, where + "anchor timeNs is not an integer");
    if (std::abs(static_cast<double>(t)) > DrawingCoordinates::kMaxAbsTimeNs)
        return fail(ErrorCode::OutOfRange, where + "anchor time out of range");
    const double p = price.toDouble();
    if (!std::isfinite(p))
        return fail(ErrorCode::OutOfRange, where + "anchor price is not finite");
    return DrawingAnchor{static_cast<TimestampNs>(t), p};
}

Result<ChartDrawing> readDrawing(const QJsonValue& value, qsizetype index) {
    const std::string where = at(index);
    if (!value.isObject())
        return fail(ErrorCode::ParseError, where + "not an object");
    const QJsonObject o = value.toObject();
    ChartDrawing d;
    const QJsonValue id = o.value(QStringLiteral("id"));
    if (!id.isDouble() || id.toDouble() < 0.0 || id.toDouble() != std::floor(id.toDouble()) ||
        id.toDouble() > 9.0e15)
        return fail(ErrorCode::ParseError, where + "id missing or not a whole number");
    d.id = static_cast<std::uint64_t>(id.toDouble());
    const QJsonValue kind = o.value(QStringLiteral("kind"));
    if (!kind.isString())
        return fail(ErrorCode::ParseError, where + "kind missing");
    d.kind = ChartDrawing::kindFromName(kind.toString().toStdString());
    if (d.kind == DrawingKind::Invalid)
        return fail(ErrorCode::Unsupported,
                    where + "unknown kind '" + kind.toString().toStdString() + "'");
    const QJsonValue anchors = o.value(QStringLiteral("anchors"));
    if (!anchors.isArray())
        return fail(ErrorCode::ParseError, where + "anchors missing");
    const QJsonArray list = anchors.toArray();
    if (list.size() != d.anchorCount())
        return fail(ErrorCode::ParseError, where + "expected " + std::to_string(d.anchorCount()) +
                                               " anchors, got " + std::to_string(list.size()));
    for (qsizetype k = 0; k < list.size(); ++k) {
        auto anchor = readAnchor(list.at(k), where);
        if (!anchor.hasValue())
            return anchor.error();
        d.anchors[static_cast<std::size_t>(k)] = *anchor;
    }
    if (d.kind == DrawingKind::HorizontalLine)
        d.anchors[1] = d.anchors[0];
    const QJsonValue color = o.value(QStringLiteral("color"));
    if (!color.isString() || !QColor::isValidColorName(color.toString()))
        return fail(ErrorCode::ParseError, where + "color missing or not a colour");
    d.color = QColor::fromString(color.toString());
    const QJsonValue width = o.value(QStringLiteral("widthPx"));
    if (!width.isDouble())
        return fail(ErrorCode::ParseError, where + "widthPx missing or not a number");
    d.widthPx = width.toDouble();
    if (!(d.widthPx >= kMinWidthPx && d.widthPx <= kMaxWidthPx))
        return fail(ErrorCode::OutOfRange, where + "widthPx outside [1, 10]");
    return d;
}

} // namespace

QByteArray DrawingSerializer::toJson(std::span<const ChartDrawing> drawings) {
    QJsonArray list;
    for (const ChartDrawing& d : drawings) {
        if (d.anchorCount() == 0)
            continue;
        QJsonArray anchors;
        for (const DrawingAnchor& a : d.usedAnchors()) {
            anchors.append(QJsonObject{{QStringLiteral("timeNs"), QString::number(a.time)},
                                       {QStringLiteral("price"), a.price}});
        }
        const std::string_view kind = ChartDrawing::kindName(d.kind);
        list.append(QJsonObject{
            {QStringLiteral("id"), static_cast<double>(d.id)},
            {QStringLiteral("kind"),
             QString::fromLatin1(kind.data(), static_cast<qsizetype>(kind.size()))},
            {QStringLiteral("anchors"), anchors},
            {QStringLiteral("color"), d.color.name(QColor::HexArgb)},
            {QStringLiteral("widthPx"), d.widthPx},
        });
    }
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("version"), kVersion},
                           {QStringLiteral("drawings"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<std::vector<ChartDrawing>> DrawingSerializer::fromJson(QByteArrayView json) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return fail(ErrorCode::ParseError, "drawings: " + error.errorString().toStdString() +
                                               " at offset " + std::to_string(error.offset));
    if (!doc.isObject())
        return fail(ErrorCode::ParseError, "drawings: the document is not an object");
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return fail(ErrorCode::ParseError, "drawings: not a candlewick.drawings document");
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble())
        return fail(ErrorCode::ParseError, "drawings: version missing");
    if (version.toDouble() != kVersion)
        return fail(ErrorCode::Unsupported,
                    "drawings: unsupported version " + std::to_string(version.toDouble()));
    const QJsonValue drawings = root.value(QStringLiteral("drawings"));
    if (!drawings.isArray())
        return fail(ErrorCode::ParseError, "drawings: the drawings array is missing");
    const QJsonArray list = drawings.toArray();
    std::vector<ChartDrawing> out;
    out.reserve(static_cast<std::size_t>(list.size()));
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto d = readDrawing(list.at(i), i);
        if (!d.hasValue())
            return d.error();
        out.push_back(*d);
    }
    return out;
}

} // namespace cw::ui
