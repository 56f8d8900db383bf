// The query-ready snapshot: each source's (and the record's) VoteMatrix of one
// body kept as one binary image (VoteMatrix::serialize) beside the rows it is
// built from, so that opening a store and answering a query reads one blob
// instead of every vote row. docs/store.md, "Query-ready snapshot".
//
// An image is used only when it is current: built from the source's present
// data version (sources.imported_at; an import also deletes every snapshot in
// its transaction), in this build's image format and series rules (registry
// fingerprint), and its CRC-32 holds. Anything else is ignored and rebuilt from
// the rows; a read-only store is never written.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <zlib.h>

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

// CRC-32 (zlib) of a byte range of any length.
std::int64_t crc_of(std::string_view bytes) {
  return static_cast<std::int64_t>(
      crc32_z(crc32_z(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

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
    return crc_of(text);
  }();
  return value;
}

// An image in a row, read through SQLite's incremental blob I/O in 64 KiB
// pieces (large reads go straight to their destination), with the CRC-32 of
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
  std::int64_t crc() const { return static_cast<std::int64_t>(crc_); }

 private:
  // The next n bytes of the blob into dst.
  bool fetch(char* dst, std::size_t n) {
    if (n > size_ - offset_ || n > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
        sqlite3_blob_read(blob_, dst, static_cast<int>(n), static_cast<int>(offset_)) != SQLITE_OK) {
      failed_ = true;
      return false;
    }
    offset_ += n;
    crc_ = crc32_z(crc_, reinterpret_cast<const Bytef*>(dst), n);
    return true;
  }
  sqlite3_blob* blob_;
  std::size_t size_, offset_ = 0;
  char buffer_[64 * 1024];
  std::size_t begin_ = 0, end_ = 0;
  uLong crc_ = crc32_z(0L, Z_NULL, 0);
  bool failed_ = false;
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
      checksum INTEGER NOT NULL,       -- CRC-32 of image
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
  // Streamed out of the row in pieces (no copy of the whole image), the CRC taken
  // on the way; the matrix is kept only if the CRC holds.
  sqlite3_blob* blob = nullptr;
  const int orc = sqlite3_blob_open(h, "main", "matrix_snapshots", "image", rowid, 0, &blob);
  std::unique_ptr<sqlite3_blob, int (*)(sqlite3_blob*)> blob_guard(blob, sqlite3_blob_close);
  if (orc != SQLITE_OK) throw SQLite::Exception(h, orc);
  BlobSource source(blob, size);
  auto m = VoteMatrix::deserialize(source);
  if (source.failed() || source.crc() != checksum) {
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
    ins.bind(6, crc_of(image));
    ins.bindNoCopy(7, static_cast<const void*>(image.data()), static_cast<int>(image.size()));
    ins.exec();
    tx.commit();
    return true;
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot write to store '" + path_ + "': " + e.what());
  }
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
