// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

namespace cw::journal::test {

/// A fresh folder under the system temp folder for one test's journal files, removed with
/// everything in it when the object goes.
class TempJournalDir {
public:
    TempJournalDir() {
        static std::atomic<int> counter{0};
        m_path = std::filesystem::temp_directory_path() /
                 ("cw-journal-test-" + std::to_string(::getpid()) + "-" +
                  std::to_string(counter.fetch_add(1)));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempJournalDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempJournalDir(const TempJournalDir&) = delete;
    TempJournalDir& operator=(const TempJournalDir&) = delete;

    std::string file(const std::string& name) const { return (m_path / name).string(); }
    const std::filesystem::path& path() const { return m_path; }

    static std::string readBytes(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    static void writeBytes(const std::string& path, const std::string& bytes) {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << bytes;
    }

private:
    std::filesystem::path m_path;
};

} // namespace cw::journal::test
