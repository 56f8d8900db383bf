// Writing a streamed answer (RowSink) straight to its output as text.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/table.hpp"

namespace rostrum {

// A RowSink that writes the answer as it is produced: CSV (write_csv's bytes) or
// the JSON document (to_json's content: columns and rows, then the meta the
// analysis sets at its end), handed to `write` in blocks of about 64 KiB, so a
// large answer is never held whole. Call finish() after the analysis returns.
// Aligned text needs every row to size its columns: std::logic_error.
class TextStreamSink : public RowSink {
 public:
  using Writer = std::function<void(std::string_view)>;
  TextStreamSink(Format format, Writer write);
  void set_columns(std::vector<std::string> names) override;
  void add_row(std::span<Cell> row) override;
  std::size_t row_count() const override { return rows_; }
  void finish();

 private:
  static constexpr std::size_t kBlock = 64 * 1024;
  void flush();
  Format format_;
  Writer write_;
  std::vector<std::string> columns_;
  std::string buffer_;
  std::size_t rows_ = 0;
};

}  // namespace rostrum
