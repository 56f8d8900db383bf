// Errors and exit codes shared by every stage.
//
// rostrum reports failures as exceptions carrying a kind that maps onto the CLI's
// documented exit codes (0 ok, 2 usage, 3 bad input data, 4 store error). Input
// errors carry the file, line and column so that a user can find the bad byte.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace rostrum {

enum class ErrorKind : int {
  usage = 2,      // the request itself is wrong (unknown country, bad flag value)
  bad_input = 3,  // a data file is malformed
  store = 4,      // the SQLite store cannot be read or written
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const noexcept { return kind_; }
  int exit_code() const noexcept { return static_cast<int>(kind_); }

 private:
  ErrorKind kind_;
};

// A malformed input file. what() reads "FILE:LINE:COLUMN: MESSAGE" (line and
// column are 1-based; 0 means "not applicable", e.g. a missing file).
class InputError : public Error {
 public:
  InputError(std::string file, std::uint64_t line, std::uint64_t column, const std::string& message);
  const std::string& file() const noexcept { return file_; }
  std::uint64_t line() const noexcept { return line_; }
  std::uint64_t column() const noexcept { return column_; }
  const std::string& detail() const noexcept { return detail_; }

 private:
  std::string file_;
  std::uint64_t line_;
  std::uint64_t column_;
  std::string detail_;
};

class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(ErrorKind::usage, message) {}
  // The request parameter at fault ("" when the error is not about one); the
  // server returns it as a field of its error answer.
  const std::string& parameter() const noexcept { return parameter_; }

 protected:
  UsageError(std::string parameter, const std::string& message)
      : Error(ErrorKind::usage, message), parameter_(std::move(parameter)) {}

 private:
  std::string parameter_;
};

// A bad value for one named parameter. what() reads "parameter 'NAME': DETAIL".
class ParameterError : public UsageError {
 public:
  ParameterError(const std::string& parameter, const std::string& detail)
      : UsageError(parameter, "parameter '" + parameter + "': " + detail), detail_(detail) {}
  const std::string& detail() const noexcept { return detail_; }

 private:
  std::string detail_;
};

// The analysis exists but cannot answer from this store yet (no saved run, a
// channel not imported); the server answers 404/409-like "not available".
class NotAvailableError : public UsageError {
 public:
  explicit NotAvailableError(const std::string& message) : UsageError(message) {}
};

class StoreError : public Error {
 public:
  explicit StoreError(const std::string& message) : Error(ErrorKind::store, message) {}
};

}  // namespace rostrum
