#include "server/static_files.hpp"

#include <fstream>
#include <map>
#include <sstream>

#include "server/limits.hpp"

namespace fs = std::filesystem;

namespace rostrum::server {

namespace {

std::string mime_type(const fs::path& p) {
  static const std::map<std::string, std::string> types = {{".html", "text/html; charset=utf-8"},
                                                           {".js", "text/javascript; charset=utf-8"},
                                                           {".mjs", "text/javascript; charset=utf-8"},
                                                           {".css", "text/css; charset=utf-8"},
                                                           {".json", "application/json; charset=utf-8"},
                                                           {".svg", "image/svg+xml"},
                                                           {".png", "image/png"},
                                                           {".ico", "image/x-icon"},
                                                           {".woff2", "font/woff2"},
                                                           {".woff", "font/woff"},
                                                           {".txt", "text/plain; charset=utf-8"},
                                                           {".map", "application/json"},
                                                           {".webmanifest", "application/manifest+json"}};
  auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

// True when `p` lies inside `root` (both canonical).
bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.begin();
  auto q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *r != *q) return false;
  }
  return true;
}

}  // namespace

StaticFiles::StaticFiles(const std::string& root) {
  std::error_code ec;
  if (root.empty()) return;
  auto canonical = fs::canonical(root, ec);
  if (!ec && fs::is_directory(canonical, ec)) root_ = canonical;
}

Response StaticFiles::serve(const std::string& raw) const {
  if (raw.empty() || raw[0] != '/' || raw.find('\0') != std::string::npos || raw.find('\\') != std::string::npos)
    return error_response(400, "bad path");
  // Reject any "." or ".." segment outright, before touching the file system.
  std::string rel = raw.substr(1);
  {
    std::stringstream ss(rel);
    std::string seg;
    while (std::getline(ss, seg, '/'))
      if (seg == ".." || seg == ".") return error_response(400, "bad path: '.' and '..' are not allowed");
  }
  if (root_.empty())
    return error_response(404, "the dashboard is not built (build the web target); the API is at /api");
  if (rel.empty()) rel = "index.html";
  std::error_code ec;
  fs::path p = fs::weakly_canonical(root_ / rel, ec);  // resolves symlinks
  if (ec || !inside(root_, p)) return error_response(404, status_text(404));
  if (fs::is_directory(p, ec)) {
    p = fs::weakly_canonical(p / "index.html", ec);
    if (ec || !inside(root_, p)) return error_response(404, status_text(404));
  }
  if (!fs::is_regular_file(p, ec)) return error_response(404, status_text(404));
  std::ifstream in(p, std::ios::binary);
  if (!in) return error_response(404, status_text(404));
  Response r;
  r.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  r.content_type = mime_type(p);
  // Vite names built assets by content hash: cache them for good.
  const bool hashed = rel.rfind("assets/", 0) == 0;
  r.headers.emplace_back("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  if (p.extension() == ".html") {
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                           "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                           "frame-ancestors 'none'");
  }
  return r;
}

}  // namespace rostrum::server
