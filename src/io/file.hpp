// Reading input files whole, transparently gunzipping .gz (detected by magic bytes,
// not by name).
#pragma once

#include <string>

namespace rostrum::io {

// The file's bytes (decompressed when gzip). A leading UTF-8 byte-order mark is
// kept; the CSV reader skips it. Throws InputError (line 0) when the file cannot
// be read or the gzip stream is corrupt.
std::string read_file(const std::string& path);

// `path` itself when it exists, else `path` + ".gz" when that exists, else "".
std::string find_plain_or_gz(const std::string& path);

}  // namespace rostrum::io
