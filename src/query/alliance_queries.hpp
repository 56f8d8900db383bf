// Analyses that set votes beside formal commitments and vetoes: alignment
// without alliance, a group's vote cohesion against its alliance density,
// "top-cover" vetoes, and the Security Council agreement of the five with and
// without vetoed drafts. Typed requests in, Tables out; definitions in
// docs/methods-alliances.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "query/query.hpp"

namespace rostrum::query {

struct AllianceGapRequest {
  std::string source;    // General Assembly source ("" = the default record)
  int from = 0, to = 0;  // years (0 = the record's first / last)
  std::string focus;     // countries and groups, comma list ("" = every state)
  std::string pairs;     // "within" (both in focus) or "any" (one in focus); "" = within for 2+ focus states
  std::string table;   // gaps | aligned-without-alliance | allied-without-alignment | all ("" = gaps; all with a focus)
  double high = 0.75;  // "aligned": agreement quantile of the dyad within its year at least this
  double low = 0.25;   // "without alignment": at most this
  int min_n = 10;      // joint votes a dyad needs in a year
};
// One row per dyad-year: year, a, b, agree, n, agree_quantile, ideal_distance,
// defense, commitments, category. Agreement is Voeten's agree on the default GA
// record read by seat dates (unanimous roll calls dropped); agree_quantile the
// dyad's mid-rank among all dyads of the year; defense from the alliance data
// (null where no source covers the year); ideal_distance from the latest saved
// ideal-point run, if any.
Table alliance_gap(Context& ctx, const AllianceGapRequest& request);

struct GroupAlignmentRequest {
  std::string source;
  std::string group;  // a group name or a comma list of countries
  int from = 0, to = 0;
  int null_replicates = 200;
  std::uint64_t seed = 1;
};
// One row per year: year, group, members, cohesion (Hix-Noury-Roland AI), rollcalls,
// null_mean, null_lo, null_hi, mean_agree (mean pairwise agreement), defense_density,
// any_density, alliance_coverage.
Table group_alignment(Context& ctx, const GroupAlignmentRequest& request);

struct TopCoverRequest {
  std::string source;  // GA source for alignment
  int from = 0, to = 0;
  std::string member;     // only vetoes by this state ("" = all)
  double aligned = 0.75;  // "aligned partner": the subject's agreement quantile among the vetoer's dyads
  int min_n = 10;
  double opposed = 0.25;  // an ally whose agreement quantile is at most this votes against the vetoer: no partner
};
// One row per (veto, vetoing state, state the draft concerns): date, draft,
// topic, vetoer, subject, subject_basis, ally, alliance_types, ga_agree, ga_n,
// agree_quantile, aligned, opposed, top_cover, self. A partner is an ally that
// does not vote against the vetoer (agree_quantile > opposed) or a
// voting-aligned state (agree_quantile >= aligned); top_cover says whether the
// subject is a partner (three-valued: null where an unknown input decides; 0 for
// a vetoer that is itself a subject).
Table top_cover(Context& ctx, const TopCoverRequest& request);

struct ScAgreementRequest {
  std::string source;  // Security Council source ("" = the default)
  int from = 0, to = 0;
};
// One row per year and pair of permanent members: year, a, b, agree, n,
// agree_with_vetoes, n_with_vetoes, vetoed_drafts, covetoes, vetoes_one_side.
Table sc_agreement(Context& ctx, const ScAgreementRequest& request);

}  // namespace rostrum::query
