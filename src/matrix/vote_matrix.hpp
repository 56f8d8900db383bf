// VoteMatrix: the in-memory, analysis-ready form of one source's roll calls.
//
// Countries x roll calls, stored as bit-planes: for each country, one bit per roll
// call in each of four planes (Yes, Abstain, No, NonVoting). A pairwise count such
// as "both voted yes" over any set of roll calls is then popcount(Yi & Yj & mask)
// over 64 roll calls per word. Roll calls are sorted by (date, id) so that a
// session or a year is a contiguous column range.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/rollcall.hpp"
#include "core/vote.hpp"

namespace rostrum {

using Word = std::uint64_t;
constexpr int kWordBits = 64;

// A run of sessions of one kind: regular sessions (74, 70-74), emergency special
// sessions (ES-11, session label "ES-n") or special sessions (S-26, "S-n").
struct SessionSpan {
  enum class Kind : std::uint8_t { regular, emergency, special };
  Kind kind = Kind::regular;
  int from = 0, to = 0;  // inclusive
  bool contains(const RollCallHead& rc) const;
};

// Which roll calls an analysis uses. Empty optionals and lists select everything.
struct RollCallFilter {
  std::optional<int> session_from, session_to;    // regular sessions, inclusive
  std::vector<SessionSpan> sessions;              // when not empty: a roll call in any of them (replaces from/to)
  std::optional<Date> date_from, date_to;         // inclusive
  std::vector<std::pair<Date, Date>> date_spans;  // when not empty: a date in any of these inclusive spans
  std::uint8_t issues = 0;                        // any of these issues (0 = all)
  bool important_only = false;
  bool exclude_amendments = false;
  bool exclude_paragraphs = false;
  bool include_emergency = true;  // ES sessions (session 0) kept unless a session range is given
};

class VoteMatrix {
 public:
  VoteMatrix() = default;
  // A copy carries every field of every roll call (the text of a deserialized
  // matrix is filled first). Moves keep text still pending as pending.
  VoteMatrix(const VoteMatrix& other);
  VoteMatrix& operator=(const VoteMatrix& other);
  VoteMatrix(VoteMatrix&&) noexcept = default;
  VoteMatrix& operator=(VoteMatrix&&) noexcept = default;
  ~VoteMatrix() = default;

  // Builders (used by the store loader and by tests that make matrices by hand).
  // Countries and roll calls are added first, then votes; finish() sorts roll
  // calls by (date, id) and packs the planes.
  int add_country(std::string iso3);
  int add_rollcall(RollCallInfo info);
  void set_vote(int country, int rollcall, Vote v);
  void finish();

  int countries() const { return static_cast<int>(iso3_.size()); }
  int rollcalls() const { return static_cast<int>(heads_.size()); }
  int words() const { return words_; }  // words per plane
  const std::string& iso3(int country) const { return iso3_[country]; }
  int country_index(std::string_view iso3) const;  // -1 when not in this matrix
  // Another id that names a country's row: a state whose votes the row carries
  // ("SUN" for the RUS row, see registry::series_of). country_index finds it.
  void add_alias(std::string iso3, int country);
  // Every field of roll call r. A matrix read from an image (deserialize) holds
  // the roll calls' text (key, symbol, title, description, subjects,
  // library_title, source) as one block until the first call of rollcall() or
  // rollcall_infos(), which makes the RollCallInfos (once, safe from several
  // threads): most analyses never read them, and parsing the text was most of
  // loading a matrix.
  const RollCallInfo& rollcall(int r) const {
    fill_texts();
    return rollcalls_[r];
  }
  const std::vector<RollCallInfo>& rollcall_infos() const {
    fill_texts();
    return rollcalls_;
  }
  // Roll call r without its text: what selection, periods and dating read. O(1),
  // never parses the text.
  const RollCallHead& rollcall_head(int r) const { return heads_[r]; }

  Vote vote(int country, int rollcall) const;
  // Bit-planes of one country: words() words each.
  const Word* yes(int c) const { return planes_.data() + plane_offset(c, 0); }
  const Word* abstain(int c) const { return planes_.data() + plane_offset(c, 1); }
  const Word* no(int c) const { return planes_.data() + plane_offset(c, 2); }
  const Word* nonvoting(int c) const { return planes_.data() + plane_offset(c, 3); }

  // Row aliases as (id, row), in the order added.
  const std::vector<std::pair<std::string, int>>& aliases() const { return aliases_; }
  // Bit-planes of every country (countries() x 4 x words() words, country-major).
  const std::vector<Word>& planes() const { return planes_; }

  // A finished matrix as one binary image (countries, aliases, every field of
  // every RollCallInfo, the bit-planes), for the store's query-ready snapshot.
  // Integers little-endian (the host's order on the platforms built for), strings
  // length-prefixed, planes as raw words, the roll calls' text last as one
  // section: O(bytes), one allocation for the planes and one for the text.
  std::string serialize() const;
  // The matrix of an image made by serialize() of this format version; nullopt
  // when the image is truncated, of another format or inconsistent.
  static std::optional<VoteMatrix> deserialize(std::string_view image);
  // The bytes of an image, read in order: the store streams an image out of
  // SQLite in pieces instead of copying it whole first.
  class ImageSource {
   public:
    virtual ~ImageSource() = default;
    virtual std::size_t size() const = 0;  // bytes in the image
    // Copies the next n bytes to dst; false when they cannot be read (the caller
    // never asks past size()).
    virtual bool read(void* dst, std::size_t n) = 0;
  };
  // The same from a source; every byte of the source is read exactly once.
  static std::optional<VoteMatrix> deserialize(ImageSource& image);
  // 2: the text as a trailing section; 3: the same layout, its store checksum
  // XXH3-64 instead of CRC-32 (so a format-2 row is rebuilt, not called corrupt).
  static constexpr std::uint32_t kImageFormat = 3;

  // A mask over roll calls (words() words) selecting those that pass the filter.
  std::vector<Word> select(const RollCallFilter& f) const;
  // Roll calls of each country with a Yes/Abstain/No vote under `mask`.
  std::int64_t count_cast(int c, const std::vector<Word>& mask) const;

 private:
  std::size_t plane_offset(int c, int plane) const {
    return (static_cast<std::size_t>(c) * 4 + plane) * static_cast<std::size_t>(words_);
  }
  // Makes rollcalls_ from heads_ and pending_texts_ (once).
  void fill_texts() const {
    if (pending_texts_) fill_pending_texts();
  }
  void fill_pending_texts() const;
  struct PendingTexts;  // vote_matrix_image.cpp

  std::vector<std::string> iso3_;
  std::vector<std::pair<std::string, int>> aliases_;
  std::vector<RollCallHead> heads_;  // every roll call's head, in the matrix's order
  // Every roll call whole, in the same order: kept beside heads_ by the builders;
  // of a deserialized matrix, made by fill_texts() (hence mutable) on first use.
  mutable std::vector<RollCallInfo> rollcalls_;
  std::shared_ptr<PendingTexts> pending_texts_;  // a deserialized matrix's text, until filled
  std::vector<std::uint8_t> pending_;            // country-major vote codes before finish()
  std::vector<Word> planes_;
  int words_ = 0;
  bool finished_ = false;
};

// Periods: a partition of the roll calls by session, year or all. Each period is a
// mask over roll calls (usually one contiguous run of words, as roll calls are
// sorted by date; emergency sessions interleave, hence masks and not ranges).
enum class PeriodKind { session, year, all };
struct Period {
  std::string label;       // "74", "ES-11", "2019", "all"
  int word_begin = 0;      // first word holding a roll call of the period
  int word_end = 0;        // one past the last such word
  std::vector<Word> mask;  // words() words; bit r set when roll call r is in the period
};
// Periods in date order; `within` (words() words) restricts them to selected roll
// calls, and periods with no selected roll call are dropped.
std::vector<Period> make_periods(const VoteMatrix& m, PeriodKind kind, const std::vector<Word>& within);

}  // namespace rostrum
