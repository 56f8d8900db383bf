// The dashboard's static files, served only from inside the asset folder.
#pragma once

#include <filesystem>
#include <string>

#include "server/exchange.hpp"

namespace rostrum::server {

class StaticFiles {
 public:
  // `root`: the built dashboard folder; empty or missing = no dashboard (404 with a hint).
  explicit StaticFiles(const std::string& root);
  bool available() const { return !root_.empty(); }
  const std::filesystem::path& root() const { return root_; }

  // The file at the decoded URL path `path`. Any "." or ".." segment, a backslash
  // or a NUL answers 400 before the file system is touched; every path is resolved
  // with its symlinks and must stay inside the folder (404 otherwise); "/" and
  // folders serve their index.html. Hashed assets (assets/) are cached for good,
  // HTML gets a Content-Security-Policy.
  Response serve(const std::string& path) const;

 private:
  std::filesystem::path root_;  // canonical; empty when there is no dashboard
};

}  // namespace rostrum::server
