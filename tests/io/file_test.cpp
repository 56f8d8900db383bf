// Reading files whole: plain, gzip (by magic bytes, not by name), concatenated gzip
// members, corrupt and truncated gzip, missing files and directories.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "core/error.hpp"
#include "io/csv.hpp"
#include "io/file.hpp"
#include "support/test_support.hpp"

namespace rostrum::io {
namespace {

using rostrum::testing::TempDir;

// Writes `content` gzip-compressed with zlib's gzopen; `members` > 1 appends the
// content in that many separate gzip members (as `cat a.gz b.gz` would).
std::string write_gz(const TempDir& dir, const std::string& name, const std::string& content, int members = 1) {
  std::string path = (dir.path() / name).string();
  std::size_t per = members > 1 ? content.size() / members + 1 : content.size();
  for (int m = 0; m < members; ++m) {
    gzFile f = gzopen(path.c_str(), m == 0 ? "wb" : "ab");
    EXPECT_NE(f, nullptr);
    std::size_t begin = std::min(content.size(), per * m);
    std::size_t end = m == members - 1 ? content.size() : std::min(content.size(), per * (m + 1));
    if (end > begin) {
      EXPECT_EQ(gzwrite(f, content.data() + begin, static_cast<unsigned>(end - begin)), static_cast<int>(end - begin));
    }
    gzclose(f);
  }
  return path;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(File, PlainFile) {
  TempDir dir;
  std::string content = "a,b\r\n1,2\n\xEF\xBB\xBF";
  auto p = dir.write("x.csv", content);
  EXPECT_EQ(read_file(p), content);
}

TEST(File, EmptyFile) {
  TempDir dir;
  EXPECT_EQ(read_file(dir.write("empty.csv", "")), "");
}

TEST(File, GzipIsDecompressed) {
  TempDir dir;
  std::string content =
      "\xEF\xBB\xBF"
      "rcid,vote\n1,yes\n2,\"no\"\n";
  auto p = write_gz(dir, "x.csv.gz", content);
  ASSERT_NE(slurp(p), content);  // really compressed
  EXPECT_EQ(read_file(p), content);
}

TEST(File, GzipDetectedByMagicNotByName) {
  TempDir dir;
  std::string content = "a,b\n1,2\n";
  auto p = write_gz(dir, "looks_plain.csv", content);
  EXPECT_EQ(read_file(p), content);
}

TEST(File, PlainFileNamedGzIsRefusedNamingIt) {
  TempDir dir;
  auto q = dir.write("plain.csv.gz", "rcid,vote\n1,yes\n");
  try {
    read_file(q);
    ADD_FAILURE() << "a .gz that is not gzip was read as text";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), q);
    EXPECT_NE(e.detail().find("not gzip"), std::string::npos) << e.what();
    EXPECT_NE(e.detail().find("rcid,vot"), std::string::npos) << e.what();  // shows how it starts
  }
  EXPECT_THROW(read_file(dir.write("empty.GZ", "")), InputError);
}

// A deflate stream of `inflated` zero bytes: about 1000 times smaller than its content.
std::string write_bomb(const TempDir& dir, const std::string& name, std::size_t inflated) {
  std::string path = (dir.path() / name).string();
  gzFile f = gzopen(path.c_str(), "wb1");
  EXPECT_NE(f, nullptr);
  std::string zeros(1 << 20, '\0');
  for (std::size_t done = 0; done < inflated; done += zeros.size())
    EXPECT_EQ(gzwrite(f, zeros.data(), static_cast<unsigned>(zeros.size())), static_cast<int>(zeros.size()));
  gzclose(f);
  return path;
}

TEST(File, DecompressionBombIsRefusedByItsRatio) {
  TempDir dir;
  auto p = write_bomb(dir, "un_votes.csv.gz", std::size_t{64} << 20);  // 64 MiB in about 64 KB
  ASSERT_LT(std::filesystem::file_size(p), std::uintmax_t{1} << 20);
  try {
    read_file(p);  // default limits: ratio 100 judged past 16 MiB
    ADD_FAILURE() << "bomb inflated";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), p);
    EXPECT_NE(e.detail().find("decompression bomb"), std::string::npos) << e.what();
    EXPECT_NE(e.detail().find("ROSTRUM_MAX_GZIP_RATIO"), std::string::npos) << e.what();
  }
  // With the ratio check off, the absolute cap still holds.
  ReadLimits limits;
  limits.max_ratio = 0;
  limits.max_bytes = std::uint64_t{32} << 20;
  try {
    read_file(p, limits);
    ADD_FAILURE() << "bomb inflated past the absolute cap";
  } catch (const InputError& e) {
    EXPECT_NE(e.detail().find("input size limit"), std::string::npos) << e.what();
  }
  // Both off (or raised), a genuine highly compressible file reads whole.
  limits.max_bytes = 0;
  EXPECT_EQ(read_file(p, limits).size(), std::size_t{64} << 20);
}

TEST(File, SmallRepetitiveFilesAreNotJudgedByRatio) {
  TempDir dir;
  auto p = write_bomb(dir, "zeros.gz", std::size_t{4} << 20);  // ratio ~1000 but only 4 MiB
  EXPECT_EQ(read_file(p).size(), std::size_t{4} << 20);
}

TEST(File, PlainFilesAndSpecialFilesOverTheCapAreRefused) {
  TempDir dir;
  ReadLimits limits;
  limits.max_bytes = 1000;
  auto p = dir.write("big.csv", std::string(1001, 'x'));
  try {
    read_file(p, limits);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), p);
    EXPECT_NE(e.detail().find("input size limit"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read_file(dir.write("ok.csv", std::string(1000, 'x')), limits).size(), 1000u);
  limits.max_bytes = std::uint64_t{4} << 20;
  EXPECT_THROW(read_file("/dev/zero", limits), InputError);  // endless, no size up front
}

TEST(File, LimitsFromTheEnvironment) {
  ::setenv("ROSTRUM_MAX_INPUT_BYTES", "2G", 1);
  ::setenv("ROSTRUM_MAX_GZIP_RATIO", "250", 1);
  auto limits = default_read_limits();
  EXPECT_EQ(limits.max_bytes, std::uint64_t{2} << 30);
  EXPECT_EQ(limits.max_ratio, 250);
  ::setenv("ROSTRUM_MAX_INPUT_BYTES", "12345", 1);
  EXPECT_EQ(default_read_limits().max_bytes, 12345u);
  ::setenv("ROSTRUM_MAX_INPUT_BYTES", "lots", 1);
  try {
    default_read_limits();
    ADD_FAILURE() << "no error";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("ROSTRUM_MAX_INPUT_BYTES"), std::string::npos);
  }
  ::setenv("ROSTRUM_MAX_INPUT_BYTES", "1T", 1);
  EXPECT_THROW(default_read_limits(), UsageError);
  ::unsetenv("ROSTRUM_MAX_INPUT_BYTES");
  ::setenv("ROSTRUM_MAX_GZIP_RATIO", "-3", 1);
  EXPECT_THROW(default_read_limits(), UsageError);
  ::unsetenv("ROSTRUM_MAX_GZIP_RATIO");
  EXPECT_EQ(default_read_limits().max_bytes, ReadLimits{}.max_bytes);
}

TEST(File, LargeGzipSpanningManyBuffers) {
  TempDir dir;
  std::mt19937 rng(7);
  std::string content;
  content.reserve(3 << 20);
  while (content.size() < (3u << 20)) content += std::to_string(rng()) + ",\"x\"\n";
  auto p = write_gz(dir, "big.gz", content);
  EXPECT_EQ(read_file(p), content);
}

TEST(File, ConcatenatedGzipMembers) {
  TempDir dir;
  std::string content;
  for (int i = 0; i < 5000; ++i) content += std::to_string(i) + ",row\n";
  auto p = write_gz(dir, "multi.gz", content, 3);
  EXPECT_EQ(read_file(p), content);
}

TEST(File, GzipReadThroughTheCsvReaderKeepsLines) {
  TempDir dir;
  auto p = write_gz(dir, "t.csv.gz", "\xEF\xBB\xBFh1,h2\r\n\r\n1,\"a\nb\"\r\n2,c\r\n");
  std::string data = read_file(p);
  CsvReader reader(p, data);
  CsvRecord rec;
  ASSERT_TRUE(reader.next(rec));
  EXPECT_EQ(rec.fields[0], "h1");
  ASSERT_TRUE(reader.next(rec));
  EXPECT_EQ(rec.line, 3u);
  EXPECT_EQ(rec.fields[1], "a\nb");
  ASSERT_TRUE(reader.next(rec));
  EXPECT_EQ(rec.line, 5u);
  EXPECT_FALSE(reader.next(rec));
}

TEST(File, TruncatedGzipIsAnInputError) {
  TempDir dir;
  std::string content;
  for (int i = 0; i < 20000; ++i) content += "row " + std::to_string(i * 7919 % 10007) + "\n";
  auto p = write_gz(dir, "t.gz", content);
  std::string bytes = slurp(p);
  for (std::size_t cut : {std::size_t{10}, bytes.size() / 2, bytes.size() - 4}) {
    auto q = dir.write("cut.gz", bytes.substr(0, cut));
    try {
      read_file(q);
      ADD_FAILURE() << "no error for gzip cut at " << cut;
    } catch (const InputError& e) {
      EXPECT_EQ(e.file(), q);
      EXPECT_EQ(e.line(), 0u);
    }
  }
}

TEST(File, CorruptGzipIsAnInputError) {
  TempDir dir;
  std::string content(10000, 'a');
  auto p = write_gz(dir, "t.gz", content);
  std::string bytes = slurp(p);
  bytes[bytes.size() / 2] ^= 0x55;
  bytes[bytes.size() - 6] ^= 0x55;  // CRC
  auto q = dir.write("bad.gz", bytes);
  EXPECT_THROW(read_file(q), InputError);
  // Just the magic bytes.
  EXPECT_THROW(read_file(dir.write("magic.gz", "\x1f\x8b")), InputError);
}

TEST(File, MissingFileAndDirectory) {
  TempDir dir;
  try {
    read_file((dir.path() / "nope.csv").string());
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 0u);
    EXPECT_NE(std::string(e.what()).find("nope.csv"), std::string::npos);
  }
  EXPECT_THROW(read_file(dir.path().string()), InputError);
}

TEST(File, FindPlainOrGz) {
  TempDir dir;
  auto base = (dir.path() / "un_votes.csv").string();
  EXPECT_EQ(find_plain_or_gz(base), "");
  dir.write("un_votes.csv.gz", "x");
  EXPECT_EQ(find_plain_or_gz(base), base + ".gz");
  dir.write("un_votes.csv", "x");
  EXPECT_EQ(find_plain_or_gz(base), base);  // plain wins
  std::filesystem::create_directory(dir.path() / "d.csv");
  EXPECT_EQ(find_plain_or_gz((dir.path() / "d.csv").string()), "");
}

}  // namespace
}  // namespace rostrum::io
