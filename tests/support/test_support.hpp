// Helpers shared by the test binaries: temporary directories and files.
#pragma once

#include <filesystem>
#include <string>

namespace rostrum::testing {

// A fresh directory under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  // Writes `content` to path()/name and returns the full path.
  std::string write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

std::string shared_data(const std::string& relative);  // ROSTRUM_SHARED_DATA/relative
bool has_shared_data();

}  // namespace rostrum::testing
