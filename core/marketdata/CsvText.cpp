// SPDX-License-Identifier: MIT
#include "core/marketdata/CsvText.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cw::marketdata {

CsvText::CsvText(std::string_view text) : m_text(text) {
    if (m_text.starts_with("\xEF\xBB\xBF"))
        m_text.remove_prefix(3);
}

bool CsvText::nextLine(std::string_view& line, std::size_t& lineNumber) {
    if (m_pos >= m_text.size())
        return false;
    const std::size_t end = m_text.find('\n', m_pos);
    line = m_text.substr(m_pos, end == std::string_view::npos ? end : end - m_pos);
    m_pos = end == std::string_view::npos ? m_text.size() : end + 1;
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    lineNumber = ++m_lineNumber;
    return true;
}

Result<std::string> CsvText::readFile(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return fail(ErrorCode::IoError, "cannot read '" + path + "': it is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(ErrorCode::IoError, "cannot open '" + path + "': " + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        return fail(ErrorCode::IoError, "cannot read '" + path + "'");
    return std::move(buffer).str();
}

} // namespace cw::marketdata
