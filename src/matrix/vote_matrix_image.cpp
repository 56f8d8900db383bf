// VoteMatrix::serialize / deserialize: the binary image behind the store's
// query-ready snapshot (docs/store.md, "Query-ready snapshot").
//
// Layout (format kImageFormat = 3; 2 is the same), integers little-endian:
//   "RSVM" u32 format | u32 countries u32 aliases u32 rollcalls u32 words
//   countries x str iso3 | aliases x (str id, u32 row)
//   rollcalls x (i64 id, u8 body, i32 session, str session_label, i32 date,
//                u8 flags [important, amendment, paragraph, issues_predicted],
//                u8 issues)
//   countries x 4 x words u64 plane words
//   u64 text bytes | rollcalls x (str key, str symbol, str title, str description,
//                                 str subjects, str library_title, str source)
// where str = u32 length + bytes. The text comes last, as one section: reading
// an image reads it in one piece and parses it only when a roll call's text is
// first asked for (VoteMatrix::rollcall).
#include <bit>
#include <cstring>
#include <iterator>
#include <mutex>
#include <stdexcept>

#include "matrix/vote_matrix.hpp"

namespace rostrum {

static_assert(std::endian::native == std::endian::little, "the matrix image is written in little-endian host order");

namespace {

constexpr char kMagic[4] = {'R', 'S', 'V', 'M'};

class ImageWriter {
 public:
  explicit ImageWriter(std::string& out) : out_(out) {}
  template <class T>
  void put(T v) {
    char buf[sizeof(T)];
    std::memcpy(buf, &v, sizeof(T));
    out_.append(buf, sizeof(T));
  }
  void put_string(const std::string& s) {
    put(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void put_bytes(const void* p, std::size_t n) {
    if (n) out_.append(static_cast<const char*>(p), n);
  }

 private:
  std::string& out_;
};

// Every read is bounds-checked: a truncated or corrupted image fails (ok() false)
// instead of reading past its end.
class ImageReader {
 public:
  explicit ImageReader(VoteMatrix::ImageSource& in) : in_(in), size_(in.size()) {}
  template <class T>
  T get() {
    T v{};
    if (take(sizeof(T))) ok_ = in_.read(&v, sizeof(T));
    return v;
  }
  std::string get_string() {
    const auto n = get<std::uint32_t>();
    std::string s;
    if (!take(n)) return s;
    s.resize(n);
    if (n) ok_ = in_.read(s.data(), n);
    return s;
  }
  bool get_bytes(void* p, std::size_t n) {
    if (!take(n)) return false;
    if (n) ok_ = in_.read(p, n);  // an empty matrix's planes have no storage (p null)
    return ok_;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == size_; }
  std::size_t remaining() const { return size_ - pos_; }

 private:
  bool take(std::size_t n) {
    if (!ok_ || n > size_ - pos_) return ok_ = false;
    pos_ += n;
    return true;
  }
  VoteMatrix::ImageSource& in_;
  std::size_t size_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

class MemorySource final : public VoteMatrix::ImageSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  std::size_t size() const override { return bytes_.size(); }
  bool read(void* dst, std::size_t n) override {
    std::memcpy(dst, bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

}  // namespace

namespace {
// The text fields of a roll call, in the image's order.
constexpr std::string RollCallInfo::*kTextField[] = {
    &RollCallInfo::key,      &RollCallInfo::symbol,        &RollCallInfo::title, &RollCallInfo::description,
    &RollCallInfo::subjects, &RollCallInfo::library_title, &RollCallInfo::source};
constexpr int kTextFields = static_cast<int>(std::size(kTextField));
}  // namespace

// A deserialized matrix's text section, made into its RollCallInfos on first use.
struct VoteMatrix::PendingTexts {
  std::once_flag once;
  std::string bytes;  // the section, checked whole by deserialize
};

void VoteMatrix::fill_pending_texts() const {
  PendingTexts& t = *pending_texts_;
  std::call_once(t.once, [&] {
    std::size_t at = 0;
    rollcalls_.resize(heads_.size());
    for (std::size_t r = 0; r < heads_.size(); ++r) {
      RollCallInfo& rc = rollcalls_[r];
      static_cast<RollCallHead&>(rc) = heads_[r];
      for (auto field : kTextField) {
        std::uint32_t n = 0;
        std::memcpy(&n, t.bytes.data() + at, sizeof n);
        (rc.*field).assign(t.bytes, at + sizeof n, n);
        at += sizeof n + n;
      }
    }
    std::string().swap(t.bytes);
  });
}

VoteMatrix::VoteMatrix(const VoteMatrix& other) {
  other.fill_texts();
  iso3_ = other.iso3_;
  aliases_ = other.aliases_;
  heads_ = other.heads_;
  rollcalls_ = other.rollcalls_;
  pending_ = other.pending_;
  planes_ = other.planes_;
  words_ = other.words_;
  finished_ = other.finished_;
}

VoteMatrix& VoteMatrix::operator=(const VoteMatrix& other) {
  if (this != &other) *this = VoteMatrix(other);
  return *this;
}

std::string VoteMatrix::serialize() const {
  if (!finished_) throw std::logic_error("VoteMatrix: serialize before finish");
  fill_texts();
  std::string out;
  std::size_t text = 0;
  for (const auto& rc : rollcalls_) {
    text += rc.session_label.size() + 32;
    for (auto field : kTextField) text += (rc.*field).size() + 4;
  }
  out.reserve(64 + iso3_.size() * 8 + aliases_.size() * 12 + text + planes_.size() * sizeof(Word));
  ImageWriter w(out);
  w.put_bytes(kMagic, sizeof kMagic);
  w.put(kImageFormat);
  w.put(static_cast<std::uint32_t>(iso3_.size()));
  w.put(static_cast<std::uint32_t>(aliases_.size()));
  w.put(static_cast<std::uint32_t>(rollcalls_.size()));
  w.put(static_cast<std::uint32_t>(words_));
  for (const auto& s : iso3_) w.put_string(s);
  for (const auto& [id, row] : aliases_) {
    w.put_string(id);
    w.put(static_cast<std::uint32_t>(row));
  }
  for (const auto& rc : rollcalls_) {
    w.put(static_cast<std::int64_t>(rc.id));
    w.put(static_cast<std::uint8_t>(rc.body));
    w.put(static_cast<std::int32_t>(rc.session));
    w.put_string(rc.session_label);
    w.put(static_cast<std::int32_t>(rc.date));
    w.put(static_cast<std::uint8_t>((rc.important ? 1 : 0) | (rc.amendment ? 2 : 0) | (rc.paragraph ? 4 : 0) |
                                    (rc.issues_predicted ? 8 : 0)));
    w.put(rc.issues);
  }
  w.put_bytes(planes_.data(), planes_.size() * sizeof(Word));
  const std::size_t section_at = out.size();
  w.put(std::uint64_t{0});  // the section's length, written below
  for (const auto& rc : rollcalls_)
    for (auto field : kTextField) w.put_string(rc.*field);
  const std::uint64_t section = out.size() - section_at - sizeof(std::uint64_t);
  std::memcpy(out.data() + section_at, &section, sizeof section);
  return out;
}

std::optional<VoteMatrix> VoteMatrix::deserialize(std::string_view image) {
  MemorySource source(image);
  return deserialize(source);
}

std::optional<VoteMatrix> VoteMatrix::deserialize(ImageSource& image) {
  ImageReader r(image);
  char magic[4] = {};
  if (!r.get_bytes(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0) return std::nullopt;
  if (r.get<std::uint32_t>() != kImageFormat) return std::nullopt;
  const auto n_countries = r.get<std::uint32_t>();
  const auto n_aliases = r.get<std::uint32_t>();
  const auto n_rollcalls = r.get<std::uint32_t>();
  const auto n_words = r.get<std::uint32_t>();
  if (!r.ok() || n_words != (static_cast<std::uint64_t>(n_rollcalls) + kWordBits - 1) / kWordBits) return std::nullopt;
  // Each element takes at least 4 bytes: counts beyond the image are corrupt, not allocations to attempt.
  if (static_cast<std::uint64_t>(n_countries) + n_aliases + n_rollcalls > r.remaining() / 4) return std::nullopt;
  VoteMatrix m;
  m.iso3_.reserve(n_countries);
  for (std::uint32_t c = 0; c < n_countries; ++c) m.iso3_.push_back(r.get_string());
  m.aliases_.reserve(n_aliases);
  for (std::uint32_t a = 0; a < n_aliases; ++a) {
    std::string id = r.get_string();
    const auto row = r.get<std::uint32_t>();
    if (row >= n_countries) return std::nullopt;
    m.aliases_.emplace_back(std::move(id), static_cast<int>(row));
  }
  m.heads_.resize(n_rollcalls);
  for (auto& rc : m.heads_) {
    rc.id = r.get<std::int64_t>();
    const auto body = r.get<std::uint8_t>();
    if (body > static_cast<std::uint8_t>(Body::SecurityCouncil)) return std::nullopt;
    rc.body = static_cast<Body>(body);
    rc.session = r.get<std::int32_t>();
    rc.session_label = r.get_string();
    rc.date = r.get<std::int32_t>();
    const auto flags = r.get<std::uint8_t>();
    rc.important = flags & 1;
    rc.amendment = flags & 2;
    rc.paragraph = flags & 4;
    rc.issues_predicted = flags & 8;
    rc.issues = r.get<std::uint8_t>();
    if (!r.ok()) return std::nullopt;
  }
  const std::uint64_t n_plane_words = static_cast<std::uint64_t>(n_countries) * 4 * n_words;
  if (!r.ok() || r.remaining() < n_plane_words * sizeof(Word)) return std::nullopt;
  m.planes_.resize(n_plane_words);
  r.get_bytes(m.planes_.data(), n_plane_words * sizeof(Word));
  // The text section: read whole, checked whole (kTextFields length-prefixed
  // strings per roll call, ending exactly at the image's end), parsed on first use.
  const auto section = r.get<std::uint64_t>();
  if (!r.ok() || section != r.remaining()) return std::nullopt;
  auto texts = std::make_shared<PendingTexts>();
  texts->bytes.resize(section);
  if (!r.get_bytes(texts->bytes.data(), section) || !r.at_end()) return std::nullopt;
  std::size_t at = 0;
  for (std::uint64_t k = 0; k < static_cast<std::uint64_t>(n_rollcalls) * kTextFields; ++k) {
    std::uint32_t n = 0;
    if (section - at < sizeof n) return std::nullopt;
    std::memcpy(&n, texts->bytes.data() + at, sizeof n);
    if (n > section - at - sizeof n) return std::nullopt;
    at += sizeof n + n;
  }
  if (at != section) return std::nullopt;
  if (n_rollcalls > 0) m.pending_texts_ = std::move(texts);
  m.words_ = static_cast<int>(n_words);
  m.finished_ = true;
  return m;
}

}  // namespace rostrum
