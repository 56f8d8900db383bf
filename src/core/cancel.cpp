#include "core/cancel.hpp"

namespace rostrum {

namespace {
thread_local const CancelToken* t_current = nullptr;

std::int64_t to_ns(CancelToken::Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}
}  // namespace

const char* cancel_reason_name(CancelReason reason) noexcept {
  switch (reason) {
    case CancelReason::none:
      return "none";
    case CancelReason::deadline:
      return "deadline";
    case CancelReason::disconnected:
      return "disconnected";
    case CancelReason::shutdown:
      return "shutdown";
  }
  return "unknown";
}

void CancelToken::set_deadline(Clock::time_point at) noexcept {
  deadline_ns_.store(to_ns(at), std::memory_order_relaxed);
}

void CancelToken::cancel(CancelReason reason) noexcept {
  int expected = 0;
  reason_.compare_exchange_strong(expected, static_cast<int>(reason), std::memory_order_relaxed);
}

bool CancelToken::requested() const noexcept {
  if (reason_.load(std::memory_order_relaxed) != 0) return true;
  const std::int64_t deadline = deadline_ns_.load(std::memory_order_relaxed);
  if (deadline == INT64_MAX || to_ns(Clock::now()) < deadline) return false;
  int expected = 0;
  reason_.compare_exchange_strong(expected, static_cast<int>(CancelReason::deadline), std::memory_order_relaxed);
  return true;
}

CancelReason CancelToken::reason() const noexcept {
  if (!requested()) return CancelReason::none;
  return static_cast<CancelReason>(reason_.load(std::memory_order_relaxed));
}

Cancelled::Cancelled(CancelReason reason)
    : std::runtime_error(std::string("computation cancelled (") + cancel_reason_name(reason) + ")"), reason_(reason) {}

const CancelToken* current_cancel_token() noexcept { return t_current; }

CancelScope::CancelScope(const CancelToken* token) noexcept : previous_(t_current) { t_current = token; }
CancelScope::~CancelScope() { t_current = previous_; }

void throw_if_cancelled(const CancelToken* token) {
  if (token && token->requested()) throw Cancelled(token->reason());
}

}  // namespace rostrum
