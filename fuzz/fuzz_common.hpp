// Shared by the importer fuzz targets: a per-process scratch directory, and the
// rule that a parser may only ever fail with rostrum::InputError.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"

namespace rostrum::fuzz {

inline const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    auto p = std::filesystem::temp_directory_path() / ("rostrum-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(p);
    return p;
  }();
  return dir;
}

inline std::string write_file(const std::string& name, std::string_view content) {
  auto p = scratch() / name;
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  return p.string();
}

// An InputError must say where: line/column consistent with what(), and the
// message must not be empty.
inline void check_error(const InputError& e) {
  std::string what = e.what();
  // Messages quote the offending bytes; a NUL among them ends what() early.
  const std::string detail = e.detail().substr(0, e.detail().find('\0'));
  if (e.detail().empty() || what.find(detail) == std::string::npos) std::abort();
  if (e.line() == 0 && e.column() != 0) std::abort();
  if (e.line() > 0) {
    std::string where = e.file() + ":" + std::to_string(e.line());
    if (what.rfind(where, 0) != 0) std::abort();
  }
}

// Every imported date must be one the store can read back (it stores
// format_date(d) and loads it with parse_date). ROSTRUM_FUZZ_SKIP_DATE_CHECK=1
// turns this off, to fuzz past a known failure.
inline void check_loadable_date(Date d) {
  static const bool skip = std::getenv("ROSTRUM_FUZZ_SKIP_DATE_CHECK") != nullptr;
  if (!skip && parse_date(format_date(d)) != d) std::abort();
}

}  // namespace rostrum::fuzz
