#include "server/compress.hpp"

#include <zlib.h>

#include <stdexcept>

namespace rostrum::server {

std::string gzip(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, 5, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("gzip: cannot initialise zlib");
  std::string out;
  out.resize(deflateBound(&zs, static_cast<uLong>(data.size())));
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("gzip: deflate failed");
  return out;
}

bool compressible(std::string_view type) {
  for (std::string_view t : {"application/json", "text/", "javascript", "image/svg+xml", "application/manifest+json"})
    if (type.find(t) != std::string_view::npos) return true;
  return false;
}

void compress_for(Response& response, bool accept_gzip) {
  if (response.gzipped || !compressible(response.content_type)) return;
  response.headers.emplace_back("Vary", "Accept-Encoding");
  if (!accept_gzip || response.body.size() < 1024) return;
  response.body = gzip(response.body);
  response.gzipped = true;
}

}  // namespace rostrum::server
