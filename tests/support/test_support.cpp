#include "support/test_support.hpp"

#include <fstream>
#include <random>

namespace rostrum::testing {

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto p = std::filesystem::temp_directory_path() / ("rostrum-test-" + std::to_string(rd()));
    if (std::filesystem::create_directory(p)) {
      path_ = p;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
  auto p = path_ / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
  return p.string();
}

std::string shared_data(const std::string& relative) {
#ifdef ROSTRUM_SHARED_DATA
  return std::string(ROSTRUM_SHARED_DATA) + "/" + relative;
#else
  return relative;
#endif
}

bool has_shared_data() { return std::filesystem::exists(shared_data("README.md")); }

}  // namespace rostrum::testing
