// Cooperative cancellation of long computations.
//
// The server gives every request a CancelToken: it trips when the request's
// deadline passes, when the client goes away, or when the server shuts down.
// Long loops (bootstrap replicates, null replicates, consensus runs, resolution
// scans, ideal-point iterations) poll it and stop early; the query then ends with
// `Cancelled`, which the server maps to an HTTP status. The command line never
// installs a token, so there every check is a null test and nothing is cancelled.
//
// The token reaches the loops through a thread-local "current token" set by
// CancelScope, so that no analysis signature needs a cancellation parameter. A
// thread-local is not visible inside an OpenMP team's other threads: a parallel
// loop reads current_cancel_token() once before the region, polls the pointer per
// pair or replicate (skipping the rest of the work), and throws after the region
// (an exception must not leave an OpenMP region):
//
//   const CancelToken* cancel = current_cancel_token();
//   #pragma omp parallel for
//   for (...) { if (cancel_requested(cancel)) continue; ... }
//   throw_if_cancelled(cancel);
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace rostrum {

enum class CancelReason : int {
  none = 0,
  deadline,      // the request ran past its time limit
  disconnected,  // the client closed the connection
  shutdown,      // the server is stopping
};

const char* cancel_reason_name(CancelReason reason) noexcept;  // "deadline", "disconnected", ...

class CancelToken {
 public:
  using Clock = std::chrono::steady_clock;

  CancelToken() = default;
  CancelToken(const CancelToken&) = delete;
  CancelToken& operator=(const CancelToken&) = delete;

  // The token trips by itself once `at` has passed (checked when polled).
  void set_deadline(Clock::time_point at) noexcept;
  // Trips the token; the first reason given is kept.
  void cancel(CancelReason reason) noexcept;
  // True once cancelled or past the deadline. Costs an atomic load, plus a clock
  // read when a deadline is set: cheap enough per pair or per replicate.
  bool requested() const noexcept;
  CancelReason reason() const noexcept;  // none until requested() is true

 private:
  mutable std::atomic<int> reason_{0};
  std::atomic<std::int64_t> deadline_ns_{INT64_MAX};
};

// Raised by a cancelled computation. Not a rostrum::Error: it says nothing about
// the request or the data, only that the work was abandoned.
class Cancelled : public std::runtime_error {
 public:
  explicit Cancelled(CancelReason reason);
  CancelReason reason() const noexcept { return reason_; }

 private:
  CancelReason reason_;
};

// The token of the computation running on this thread; null when none (the CLI).
const CancelToken* current_cancel_token() noexcept;

// Makes `token` the current token of this thread for the scope's lifetime.
class CancelScope {
 public:
  explicit CancelScope(const CancelToken* token) noexcept;
  ~CancelScope();
  CancelScope(const CancelScope&) = delete;
  CancelScope& operator=(const CancelScope&) = delete;

 private:
  const CancelToken* previous_;
};

inline bool cancel_requested(const CancelToken* token) noexcept { return token && token->requested(); }
// The current thread's token: for loops outside OpenMP regions (or that only break).
inline bool cancel_requested() noexcept { return cancel_requested(current_cancel_token()); }
// Throws Cancelled when `token` (default: the current token) has tripped.
void throw_if_cancelled(const CancelToken* token);
inline void throw_if_cancelled() { throw_if_cancelled(current_cancel_token()); }

}  // namespace rostrum
