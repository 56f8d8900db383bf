// gzip for response bodies (zlib). Brotli is not offered: at the quality
// browsers get by default it costs seconds for a large table.
#pragma once

#include <string>
#include <string_view>

#include "server/exchange.hpp"

namespace rostrum::server {

// The gzip member of `data` (RFC 1952), deflate level 5. O(size).
std::string gzip(std::string_view data);

// Text types worth compressing (JSON, CSV, HTML, JavaScript, CSS, SVG).
bool compressible(std::string_view content_type);

// Compresses the body when the client accepts gzip and it is worth it (a
// compressible type of at least 1 KiB); adds Vary: Accept-Encoding.
void compress_for(Response& response, bool accept_gzip);

}  // namespace rostrum::server
