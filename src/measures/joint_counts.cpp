#include "measures/joint_counts.hpp"

#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace rostrum::measures {

std::int64_t JointCounts::joint() const {
  std::int64_t n = 0;
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 3; ++b) n += at(a, b);
  return n;
}

Measure parse_measure(std::string_view name) {
  if (name == "agree") return Measure::agree;
  if (name == "coincidence") return Measure::coincidence;
  if (name == "s") return Measure::s;
  if (name == "s2") return Measure::s2;
  if (name == "kappa") return Measure::kappa;
  if (name == "pi") return Measure::pi;
  if (name == "a") return Measure::a;
  throw UsageError("parameter 'measure': unknown measure '" + std::string(name) +
                   "' (expected agree, coincidence, s, s2, kappa, pi or a)");
}

std::string_view measure_name(Measure m) {
  switch (m) {
    case Measure::agree:
      return "agree";
    case Measure::coincidence:
      return "coincidence";
    case Measure::s:
      return "s";
    case Measure::s2:
      return "s2";
    case Measure::kappa:
      return "kappa";
    case Measure::pi:
      return "pi";
    case Measure::a:
      return "a";
  }
  return "?";
}

CoincidenceRule parse_coincidence_rule(std::string_view name) {
  if (name == "votes-only") return CoincidenceRule::votes_only;
  if (name == "partial") return CoincidenceRule::partial;
  if (name == "nonvoting-as-abstain") return CoincidenceRule::nonvoting_as_abstain;
  throw UsageError("parameter 'rule': unknown coincidence rule '" + std::string(name) +
                   "' (expected votes-only, partial or nonvoting-as-abstain)");
}

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Vote codes Yes = 1, Abstain = 2, No = 3 for distance-based measures.
constexpr double code(int v) { return v + 1.0; }
}  // namespace

MeasureValue compute(Measure m, const JointCounts& t, CoincidenceRule rule) {
  MeasureValue out;
  if (m == Measure::coincidence) {
    // Counts relative to the State Department's categories.
    std::int64_t same = t.at(kY, kY) + t.at(kN, kN);
    std::int64_t opposite = t.at(kY, kN) + t.at(kN, kY);
    std::int64_t partial = t.at(kY, kA) + t.at(kA, kY) + t.at(kN, kA) + t.at(kA, kN);
    if (rule == CoincidenceRule::nonvoting_as_abstain)
      partial += t.at(kY, kX) + t.at(kX, kY) + t.at(kN, kX) + t.at(kX, kN);
    if (rule == CoincidenceRule::votes_only) {
      out.n = same + opposite;
      out.value = out.n ? static_cast<double>(same) / static_cast<double>(out.n) : kNaN;
    } else {
      out.n = same + opposite + partial;
      out.value = out.n ? (same + 0.5 * partial) / static_cast<double>(out.n) : kNaN;
    }
    return out;
  }
  const std::int64_t n = t.joint();
  out.n = n;
  if (n == 0) {
    out.value = kNaN;
    return out;
  }
  const double dn = static_cast<double>(n);
  double sum_abs = 0, sum_sq = 0, s1 = 0, s2 = 0, q1 = 0, q2 = 0;
  double pa[3] = {0, 0, 0}, pb[3] = {0, 0, 0};
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 3; ++b) {
      const double c = static_cast<double>(t.at(a, b));
      const double d = std::fabs(code(a) - code(b));
      sum_abs += c * d;
      sum_sq += c * d * d;
      s1 += c * code(a);
      s2 += c * code(b);
      q1 += c * code(a) * code(a);
      q2 += c * code(b) * code(b);
      pa[a] += c;
      pb[b] += c;
    }
  switch (m) {
    case Measure::agree:
      out.value = 1.0 - sum_abs / dn / 2.0;
      break;
    case Measure::s:
      out.value = 1.0 - 2.0 * (sum_abs / dn) / 2.0;
      break;
    case Measure::s2:
      out.value = 1.0 - 2.0 * (sum_sq / dn) / 4.0;
      break;
    case Measure::kappa:
    case Measure::pi: {
      // Haege (2011), eqs. for quadratic-weight kappa and pi from additive sums.
      const double ssd = sum_sq;
      const double denom =
          m == Measure::kappa ? q1 + q2 - 2.0 * s1 * s2 / dn : q1 + q2 - (s1 + s2) * (s1 + s2) / (2.0 * dn);
      if (std::fabs(denom) < 1e-12) {
        out.value = 0.0;
        out.degenerate = true;
      } else {
        out.value = 1.0 - ssd / denom;
      }
      break;
    }
    case Measure::a: {
      // E[S] with each state's votes drawn independently from its own marginal
      // distribution over the joint roll calls.
      double expected_d = 0;
      for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b) expected_d += (pa[a] / dn) * (pb[b] / dn) * std::fabs(code(a) - code(b));
      const double s_obs = 1.0 - sum_abs / dn;
      const double s_exp = 1.0 - expected_d;
      out.value = s_obs - s_exp;
      break;
    }
    case Measure::coincidence:
      break;
  }
  return out;
}

}  // namespace rostrum::measures
