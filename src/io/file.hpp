// Reading input files whole, transparently gunzipping .gz (detected by magic bytes,
// not by name), within limits that keep a hostile or broken file from exhausting
// memory (docs/data.md, "Input limits").
#pragma once

#include <cstdint>
#include <string>

namespace rostrum::io {

// What read_file agrees to hold in memory. 0 turns a limit off.
struct ReadLimits {
  // A plain file's size, or a gzip file's inflated size. Default 1 GiB (the largest
  // real source, the unvotes votes table, inflates to 24 MB).
  std::uint64_t max_bytes = std::uint64_t{1} << 30;
  // Inflated size over compressed size. Real vote tables compress 8-11 times;
  // deflate cannot exceed about 1032, which is what a decompression bomb uses.
  double max_ratio = 100;
  // The ratio (inflated so far / compressed input consumed so far) is only judged
  // past this inflated size: a small, very repetitive file is not a threat, and a
  // bomb of any size stops here.
  std::uint64_t ratio_floor = std::uint64_t{16} << 20;
};

// The defaults above, overridden by $ROSTRUM_MAX_INPUT_BYTES (bytes, or with a
// K/M/G suffix, binary) and $ROSTRUM_MAX_GZIP_RATIO. A malformed value is a
// UsageError naming the variable.
ReadLimits default_read_limits();

// The file's bytes (decompressed when gzip). A leading UTF-8 byte-order mark is
// kept; the CSV reader skips it. Throws InputError (line 0) naming the file when it
// cannot be read, when the gzip stream is corrupt or truncated, when the file or
// its inflated content is over a limit, and when its name ends in ".gz" but its
// content is not gzip (a mislabelled file is refused rather than read as text).
// Cost: O(file size + inflated size); memory: the result.
std::string read_file(const std::string& path);
std::string read_file(const std::string& path, const ReadLimits& limits);

// `path` itself when it exists, else `path` + ".gz" when that exists, else "".
std::string find_plain_or_gz(const std::string& path);

}  // namespace rostrum::io
