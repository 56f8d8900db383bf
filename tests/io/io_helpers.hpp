// Shared by the io tests: catching an InputError and checking where it points.
#pragma once

#include <gtest/gtest.h>
#include <zlib.h>

#include <functional>
#include <string>
#include <typeinfo>

#include "core/error.hpp"

namespace rostrum::io::testing {

// Runs f and returns the InputError it throws (a test failure when it throws
// nothing or something else).
inline InputError input_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "expected InputError, got " << typeid(e).name() << ": " << e.what();
    return InputError("", 0, 0, "");
  }
  ADD_FAILURE() << "expected InputError, nothing thrown";
  return InputError("", 0, 0, "");
}

inline bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Writes `content` gzip-compressed (zlib's gzopen).
inline void write_gz_file(const std::string& path, const std::string& content) {
  gzFile f = gzopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr) << path;
  if (!content.empty()) gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
  gzclose(f);
}

}  // namespace rostrum::io::testing

// The error names a file ending in file_suffix, at line ln and column col, and
// what() starts its message with "FILE:LN:COL: ".
#define EXPECT_AT(err, file_suffix, ln, col)                                                                           \
  do {                                                                                                                 \
    const ::rostrum::InputError& e_ = (err);                                                                           \
    EXPECT_TRUE(::rostrum::io::testing::ends_with(e_.file(), file_suffix)) << e_.what();                               \
    EXPECT_EQ(e_.line(), static_cast<std::uint64_t>(ln)) << e_.what();                                                 \
    EXPECT_EQ(e_.column(), static_cast<std::uint64_t>(col)) << e_.what();                                              \
    const std::string where_ = std::string(file_suffix) + ":" + std::to_string(ln) + ":" + std::to_string(col) + ": "; \
    EXPECT_NE(std::string(e_.what()).find(where_), std::string::npos) << e_.what();                                    \
  } while (0)
