// Matching designations across lists: the same person, company, vessel or
// aircraft in two lists.
//
// Method (docs/sanctions.md, "Matching"), in the spirit of Fellegi & Sunter (1969),
// "A theory for record linkage", JASA 64(328): agreement on each field adds
// evidence, disagreement removes it, and one threshold decides.
//  1. Candidates, never all pairs: two designations are compared only if they
//     share a strong identifier (IMO, MMSI, LEI, SWIFT/BIC, tax number/INN, OGRN,
//     OKPO, registration number, passport, national ID) or a blocking key of their
//     names: a word that few names hold (document frequency <= kRareTokenDf), or
//     a pair of common words.
//  2. Names: SoftTFIDF (Cohen, Ravikumar & Fienberg 2003, "A comparison of string
//     distance metrics for name-matching tasks", IIWeb, §2.3) over the folded
//     words, with Jaro-Winkler > 0.9 as the word similarity; the best pair of
//     names counts; weak aliases count 0.9 of their similarity.
//  3. Score: an agreeing strong identifier (types compatible, countries not in
//     conflict) gives 0.9 + 0.1 x name similarity, so renamed vessels match by
//     IMO. Otherwise the name similarity, plus 0.10 for the same exact date of
//     birth (0.04 for overlapping partial dates), minus 0.30 when both have dates
//     of birth and none overlaps, plus 0.04 / minus 0.08 for shared / disjoint
//     nationalities, minus 0.40 when both hold identifiers of one kind and
//     country and none agrees. Clipped to [0, 1]. Persons match only persons.
//  4. The threshold kMatchThreshold was chosen on the hand-labelled pairs of
//     tests/sanctions/labelled_pairs.csv (precision and recall in docs/sanctions.md).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sanctions/records.hpp"

namespace rostrum::sanctions {

inline constexpr double kMatchThreshold = 0.85;
inline constexpr int kRareTokenDf = 60;

struct MatchResult {
  int a = -1, b = -1;  // record indices
  double score = 0;
  double name_score = 0;
  std::string evidence;  // "imo 9338230; name 0.62 'YURY TOPCHEV' ~ 'YURIY TOPCHEV'; dob 1989-03-30"
};

class Matcher {
 public:
  explicit Matcher(const std::vector<Record>& records);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // Every pair (a in `as`, b in `bs`, a != b) scoring at least `min_score`, in
  // order of a then b. When `as` and `bs` are the same set each pair appears once
  // (a < b). Candidates by blocking (see above); runs on all cores (OpenMP).
  std::vector<MatchResult> match(const std::vector<int>& as, const std::vector<int>& bs, double min_score) const;
  // The full comparison of two records, whether or not blocking would pair them.
  MatchResult compare(int a, int b) const;
  // Would blocking make (a, b) a candidate pair? (For measuring blocking recall.)
  bool blocked_together(int a, int b) const;

  const std::vector<Record>& records() const { return records_; }

 private:
  struct Impl;
  const std::vector<Record>& records_;
  std::unique_ptr<Impl> impl_;
};

// Entities: designations joined when they match at or above `threshold` (union
// of matches over all lists, including within one issuer's lists). Returns an
// entity id per record, ids dense from 0.
std::vector<int> cluster_records(const Matcher& m, double threshold);

}  // namespace rostrum::sanctions
