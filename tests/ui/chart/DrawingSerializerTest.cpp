// SPDX-License-Identifier: MIT
#include "ui/chart/DrawingSerializer.hpp"

#include "ui/chart/DrawingEditor.hpp"

#include <gtest/gtest.h>
#include <string>

using namespace cw;
using namespace cw::ui;

namespace {

constexpr TimestampNs kT0 = 1'710'230'400'123'456'789LL; // nanoseconds that a double would lose

std::vector<ChartDrawing> oneOfEachKind() {
    std::vector<ChartDrawing> out;
    std::uint64_t id = 1;
    for (DrawingKind kind : {DrawingKind::HorizontalLine, DrawingKind::TrendLine,
                             DrawingKind::Rectangle, DrawingKind::FibonacciRetracement}) {
        ChartDrawing d;
        d.id = id * 10;
        d.kind = kind;
        d.anchors[0] = {kT0 + static_cast<TimestampNs>(id), 123.456789012345 * id};
        d.anchors[1] = kind == DrawingKind::HorizontalLine
                           ? d.anchors[0]
                           : DrawingAnchor{kT0 - 7 * kNsPerDay, 0.1 + 1.0 / 3.0};
        d.color = QColor(10 * static_cast<int>(id), 200, 30, 128 + static_cast<int>(id));
        d.widthPx = 1.0 + 0.5 * static_cast<double>(id);
        out.push_back(d);
        ++id;
    }
    return out;
}

std::string withDrawing(const std::string& drawing) {
    return R"({"format":"candlewick.drawings","version":1,"drawings":[)" + drawing + "]}";
}

const std::string kGoodTrend =
    R"({"id":1,"kind":"trendLine","anchors":[{"timeNs":"1000","price":1.5},)"
    R"({"timeNs":"2000","price":2.5}],"color":"#ff2962ff","widthPx":1})";

ErrorCode readError(const std::string& json) {
    const auto r = DrawingSerializer::fromJson(QByteArrayView(json.data(), json.size()));
    EXPECT_FALSE(r.hasValue()) << json;
    return r.hasValue() ? ErrorCode::Invalid : r.error().code;
}

} // namespace

TEST(DrawingSerializer, everyKindRoundTripsExactly) {
    const auto drawings = oneOfEachKind();
    const QByteArray json = DrawingSerializer::toJson(drawings);
    const auto back = DrawingSerializer::fromJson(json);
    ASSERT_TRUE(back.hasValue()) << back.error().message;
    ASSERT_EQ(back->size(), drawings.size());
    for (std::size_t i = 0; i < drawings.size(); ++i)
        EXPECT_EQ((*back)[i], drawings[i]) << "drawing " << i << "\n" << json.toStdString();
    // Times are written as exact decimal strings.
    EXPECT_TRUE(json.contains("\"1710230400123456790\"")) << json.toStdString();
}

TEST(DrawingSerializer, anEmptySetRoundTrips) {
    const auto back = DrawingSerializer::fromJson(DrawingSerializer::toJson({}));
    ASSERT_TRUE(back.hasValue());
    EXPECT_TRUE(back->empty());
}

TEST(DrawingSerializer, aWellFormedHandWrittenDocumentReads) {
    const auto r = DrawingSerializer::fromJson(QByteArray::fromStdString(withDrawing(kGoodTrend)));
    ASSERT_TRUE(r.hasValue()) << r.error().message;
    ASSERT_EQ(r->size(), 1u);
    EXPECT_EQ((*r)[0].kind, DrawingKind::TrendLine);
    EXPECT_EQ((*r)[0].anchors[1].time, 2000);
    EXPECT_DOUBLE_EQ((*r)[0].anchors[1].price, 2.5);
    EXPECT_EQ((*r)[0].color, QColor(0x29, 0x62, 0xff));
}

TEST(DrawingSerializer, malformedDocumentsAreErrors) {
    EXPECT_EQ(readError(""), ErrorCode::ParseError);
    EXPECT_EQ(readError("{not json"), ErrorCode::ParseError);
    EXPECT_EQ(readError("[]"), ErrorCode::ParseError);
    EXPECT_EQ(readError(R"({"format":"something.else","version":1,"drawings":[]})"),
              ErrorCode::ParseError);
    EXPECT_EQ(readError(R"({"format":"candlewick.drawings","version":2,"drawings":[]})"),
              ErrorCode::Unsupported);
    EXPECT_EQ(readError(R"({"format":"candlewick.drawings","version":1})"), ErrorCode::ParseError);
}

TEST(DrawingSerializer, malformedDrawingsAreErrors) {
    auto variant = [](const std::string& from, const std::string& to) {
        std::string s = kGoodTrend;
        const auto pos = s.find(from);
        EXPECT_NE(pos, std::string::npos) << from;
        s.replace(pos, from.size(), to);
        return withDrawing(s);
    };
    EXPECT_EQ(readError(variant("trendLine", "spiral")), ErrorCode::Unsupported);
    EXPECT_EQ(readError(withDrawing("42")), ErrorCode::ParseError);
    // One anchor for a two-anchor kind.
    EXPECT_EQ(readError(variant(R"(,{"timeNs":"2000","price":2.5})", "")), ErrorCode::ParseError);
    EXPECT_EQ(readError(variant(R"("timeNs":"1000")", R"("timeNs":"12abc")")),
              ErrorCode::ParseError);
    EXPECT_EQ(readError(variant(R"("timeNs":"1000")", R"("timeNs":1000)")), ErrorCode::ParseError);
    EXPECT_EQ(readError(variant(R"("timeNs":"1000")", R"("timeNs":"9223372036854775807")")),
              ErrorCode::OutOfRange);
    // JSON has no NaN; a string where a number belongs is a type error.
    EXPECT_EQ(readError(variant(R"("price":1.5)", R"("price":"nan")")), ErrorCode::ParseError);
    EXPECT_EQ(readError(variant(R"("price":1.5)", R"("price":1e999)")), ErrorCode::ParseError);
    EXPECT_EQ(readError(variant("#ff2962ff", "not-a-colour")), ErrorCode::ParseError);
    EXPECT_EQ(readError(variant(R"("widthPx":1)", R"("widthPx":0)")), ErrorCode::OutOfRange);
    EXPECT_EQ(readError(variant(R"("id":1)", R"("id":-4)")), ErrorCode::ParseError);
}

TEST(DrawingSerializer, aFailedReadLeavesTheCurrentSetAlone) {
    DrawingEditor editor;
    editor.setDrawings(oneOfEachKind());
    const auto before = editor.drawings();
    // Valid first drawing, broken second one: nothing of the document is taken.
    const std::string json = withDrawing(kGoodTrend + R"(,{"id":2,"kind":"rectangle"})");
    const auto r = DrawingSerializer::fromJson(QByteArray::fromStdString(json));
    ASSERT_FALSE(r.hasValue());
    EXPECT_NE(r.error().message.find("drawing 1"), std::string::npos) << r.error().message;
    if (r.hasValue())
        editor.setDrawings(*r);
    EXPECT_EQ(editor.drawings(), before);
}
