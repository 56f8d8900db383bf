// The query-ready snapshot: each source's (and the record's) VoteMatrix of one
// body kept as one binary image (VoteMatrix::serialize) beside the rows it is
// built from, so that opening a store and answering a query reads one blob
// instead of every vote row. docs/store.md, "Query-ready snapshot".
//
// An image is used only when it is current: built from the source's present
// data version (sources.imported_at; an import also deletes every snapshot in
// its transaction), in this build's image format and series rules (registry
// fingerprint), and its checksum (XXH3-64) holds. Anything else is ignored and rebuilt from
// the rows; a read-only store is never written.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
// The checksum's functions inlined from Debian's header: no library to load at
// start, and XXH3 at memory speed (CRC-32 was 1 ms of a 20 ms query).
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

#include "core/error.hpp"
#include "registry/registry.hpp"
#include "registry/seats.hpp"
#include "store/store.hpp"
#include "store/store_internal.hpp"

namespace rostrum::store {

namespace {

// XXH3-64 (https://xxhash.com) of a byte range, as SQLite stores it (signed).
std::int64_t checksum_of(std::string_view bytes) {
  return static_cast<std::int64_t>(XXH3_64bits(bytes.data(), bytes.size()));
}

// The XXH3-64 of a byte stream fed in pieces; the same value as checksum_of the
// whole.
class StreamChecksum {
 public:
  StreamChecksum() { XXH3_64bits_reset(&state_); }
  void add(const void* bytes, std::size_t n) { XXH3_64bits_update(&state_, bytes, n); }
  std::int64_t value() const { return static_cast<std::int64_t>(XXH3_64bits_digest(&state_)); }

 private:
  XXH3_state_t state_;
};

// The series rules compiled into this build (registry::series_of of every
// registry id): a build that carries states in other rows reads the rows again.
std::int64_t registry_fingerprint() {
  static const std::int64_t value = [] {
    std::string text;
    for (const auto& c : registry::countries()) {
      text += c.iso3;
      text += '>';
      text += registry::series_of(c.iso3);
      text += ';';
    }
    return checksum_of(text);
  }();
  return value;
}

// An image in a row, read through SQLite's incremental blob I/O in 64 KiB
// pieces (large reads go straight to their destination), with the checksum of
// every byte read.
class BlobSource final : public VoteMatrix::ImageSource {
 public:
  BlobSource(sqlite3_blob* blob, std::size_t size) : blob_(blob), size_(size) {}
  std::size_t size() const override { return size_; }
  bool read(void* dst, std::size_t n) override {
    auto* out = static_cast<char*>(dst);
    while (n > 0) {
      if (begin_ == end_) {
        if (n >= sizeof buffer_) {  // a large read: no staging copy
          if (!fetch(out, n)) return false;
          return true;
        }
        const std::size_t piece = std::min(sizeof buffer_, size_ - offset_);
        if (piece == 0 || !fetch(buffer_, piece)) return false;
        begin_ = 0, end_ = piece;
      }
      const std::size_t k = std::min(n, end_ - begin_);
      std::memcpy(out, buffer_ + begin_, k);
      begin_ += k, out += k, n -= k;
    }
    return true;
  }
  bool failed() const { return failed_; }
  std::int64_t checksum() const { return checksum_.value(); }

 private:
  // The next n bytes of the blob into dst.
  bool fetch(char* dst, std::size_t n) {
    if (n > size_ - offset_ || n > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
        sqlite3_blob_read(blob_, dst, static_cast<int>(n), static_cast<int>(offset_)) != SQLITE_OK) {
      failed_ = true;
      return false;
    }
    offset_ += n;
    checksum_.add(dst, n);
    return true;
  }
  sqlite3_blob* blob_;
  std::size_t size_, offset_ = 0;
  char buffer_[64 * 1024];
  std::size_t begin_ = 0, end_ = 0;
  StreamChecksum checksum_;
  bool failed_ = false;
};

// A page cache of a few pages while in scope; the connection's own size after.
class SmallPageCache {
 public:
  explicit SmallPageCache(SQLite::Database& db) : db_(db), pages_(db.execAndGet("PRAGMA cache_size").getInt64()) {
    db_.exec("PRAGMA cache_size = 8");
  }
  SmallPageCache(const SmallPageCache&) = delete;
  SmallPageCache& operator=(const SmallPageCache&) = delete;
  ~SmallPageCache() {
    try {
      db_.exec("PRAGMA cache_size = " + std::to_string(pages_));
    } catch (const SQLite::Exception&) {
      // Only the cache's size: the next query still runs, with 8 pages.
    }
  }

 private:
  SQLite::Database& db_;
  std::int64_t pages_;
};

}  // namespace

void create_snapshot_table(SQLite::Database& db) {
  db.exec(R"SQL(
    CREATE TABLE IF NOT EXISTS matrix_snapshots (
      source_id INTEGER NOT NULL,      -- sources.id (the record's row for the record)
      body TEXT NOT NULL,
      data_version TEXT NOT NULL,      -- sources.imported_at the image was built from
      format INTEGER NOT NULL,         -- VoteMatrix::kImageFormat
      registry INTEGER NOT NULL,       -- fingerprint of the build's series rules
      checksum INTEGER NOT NULL,       -- XXH3-64 of image (CRC-32 in formats 1-2)
      image BLOB NOT NULL,
      PRIMARY KEY (source_id, body)
    ))SQL");
}

std::string Store::data_version(std::int64_t source_id) const {
  SQLite::Statement q(*db_, "SELECT imported_at FROM sources WHERE id = ?");
  q.bind(1, source_id);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

std::optional<VoteMatrix> Store::read_snapshot(std::int64_t source_id, Body body, SnapshotState& state) const {
  state = SnapshotState::missing;
  sqlite3* h = db_->getHandle();
  // No memory map: the blob reads below copy whole overflow pages straight from
  // the file into their destination (SQLite's direct overflow read), which here
  // was 3.5 ms faster per query than faulting the pages in through a map.
  sqlite3_stmt* s = nullptr;
  // length() of a blob reads its size from the record header, not its pages.
  const char* sql =
      "SELECT m.data_version = s.imported_at, m.format, m.registry, m.checksum, m.rowid, length(m.image) "
      "FROM matrix_snapshots m JOIN sources s ON s.id = m.source_id WHERE m.source_id = ? AND m.body = ?";
  if (sqlite3_prepare_v2(h, sql, -1, &s, nullptr) != SQLITE_OK) {
    sqlite3_finalize(s);
    return std::nullopt;  // a store made before snapshots existed: no table yet
  }
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(s, sqlite3_finalize);
  const std::string b(body_code(body));
  sqlite3_bind_int64(s, 1, source_id);
  sqlite3_bind_text(s, 2, b.c_str(), -1, SQLITE_TRANSIENT);
  const int rc = sqlite3_step(s);
  if (rc == SQLITE_DONE) return std::nullopt;
  if (rc != SQLITE_ROW) throw SQLite::Exception(h, rc);
  if (sqlite3_column_int(s, 0) != 1 || sqlite3_column_int64(s, 1) != VoteMatrix::kImageFormat ||
      sqlite3_column_int64(s, 2) != registry_fingerprint()) {
    state = SnapshotState::stale;
    return std::nullopt;
  }
  const std::int64_t checksum = sqlite3_column_int64(s, 3), rowid = sqlite3_column_int64(s, 4);
  const auto size = static_cast<std::size_t>(sqlite3_column_int64(s, 5));
  // Streamed out of the row in pieces (no copy of the whole image), the checksum
  // taken on the way; the matrix is kept only if the checksum holds.
  sqlite3_blob* blob = nullptr;
  const int orc = sqlite3_blob_open(h, "main", "matrix_snapshots", "image", rowid, 0, &blob);
  std::unique_ptr<sqlite3_blob, int (*)(sqlite3_blob*)> blob_guard(blob, sqlite3_blob_close);
  if (orc != SQLITE_OK) throw SQLite::Exception(h, orc);
  // Most of the image is copied from the file straight into the matrix; the
  // pieces that start inside an overflow page go through the page cache, and are
  // never read again. A cache of a few pages for the read keeps the image from
  // being held twice (1 MB of cache for the 2.4 MB of unvotes' image).
  const SmallPageCache small_cache(*db_);
  BlobSource source(blob, size);
  auto m = VoteMatrix::deserialize(source);
  if (source.failed() || source.checksum() != checksum) {
    state = SnapshotState::corrupt;
    return std::nullopt;
  }
  state = m ? SnapshotState::current : SnapshotState::corrupt;
  return m;
}

Store::SnapshotState Store::snapshot_state(std::int64_t source_id, Body body) const {
  SnapshotState state;
  try {
    read_snapshot(source_id, body, state);
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot read store '" + path_ + "': " + e.what());
  }
  return state;
}

bool Store::save_snapshot(std::int64_t source_id, Body body, const std::string& data_version, const VoteMatrix& m) {
  if (read_only_) return false;
  const std::string image = m.serialize();
  try {
    SQLite::Transaction tx(*db_);
    create_snapshot_table(*db_);
    if (this->data_version(source_id) != data_version) return false;  // rolls back
    SQLite::Statement ins(*db_, "INSERT OR REPLACE INTO matrix_snapshots VALUES (?,?,?,?,?,?,?)");
    ins.bind(1, source_id);
    ins.bind(2, std::string(body_code(body)));
    ins.bind(3, data_version);
    ins.bind(4, static_cast<std::int64_t>(VoteMatrix::kImageFormat));
    ins.bind(5, registry_fingerprint());
    ins.bind(6, checksum_of(image));
    ins.bindNoCopy(7, static_cast<const void*>(image.data()), static_cast<int>(image.size()));
    ins.exec();
    tx.commit();
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot write to store '" + path_ + "': " + e.what());
  }
  // The image went to the write-ahead log. Readers find a page there through the
  // log's index and read it through the page cache, one page per call; from the
  // database file they copy overflow pages straight into the matrix. The log is
  // copied into the file (and removed) when the store's last connection closes --
  // the command line closes its reader before this writer for that -- but a
  // server's other connections stay open: copied now, for them, without waiting
  // for any reader (PASSIVE).
  sqlite3_wal_checkpoint_v2(db_->getHandle(), "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  return true;
}

VoteMatrix Store::load_matrix(std::int64_t source_id, Body body, MatrixOrigin* origin) {
  SnapshotState state;
  try {
    if (auto m = read_snapshot(source_id, body, state)) {
      if (origin) *origin = MatrixOrigin::snapshot;
      return std::move(*m);
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot read store '" + path_ + "': " + e.what());
  }
  const std::string version = data_version(source_id);
  VoteMatrix m = load_matrix_rows(source_id, body);
  if (origin) *origin = MatrixOrigin::rows;
  if (!read_only_) {
    // The snapshot is an optimisation: a store that cannot take it now (busy, a
    // full disk) still answers from the rows.
    try {
      save_snapshot(source_id, body, version, m);
    } catch (const StoreError&) {
    }
  }
  return m;
}

}  // namespace rostrum::store
