// Generated from the query catalogue by `rostrum catalogue --typescript`; do not edit.
// tests/query checks that this file is current: regenerate it after changing an analysis.

/** A group's vote cohesion against its within-group alliance density, by year */
export interface AllianceCohesionParams {
  /** A group (CRINK, NATO, ...) or a list CHN+RUS+PRK */
  group: string;
  /** Replicates of the random-voting null (0 = none) */
  null?: number;
  /** Random seed for the null */
  seed?: number;
  /** GA source (default: the record, every source stitched) */
  source?: string;
  /** First year (YYYY or YYYY-MM-DD: its year); default the record's first year */
  from?: string | number;
  /** Last year (default: the newest data) */
  to?: string | number;
}

export interface AllianceCohesionRow {
  year: number;
  group: string;
  members: string;
  cohesion: number | null;
  rollcalls: number;
  null_mean: number | null;
  null_lo: number | null;
  null_hi: number | null;
  mean_agree: number | null;
  defense_density: number | null;
  any_density: number | null;
  alliance_coverage: string;
}

/** Voting alignment against formal commitments: aligned without alliance, allied without alignment */
export interface AllianceGapParams {
  /** A year or one range (overrides from/to) */
  year?: string | number;
  /** Countries and groups whose dyads to show */
  focus?: string;
  /** within: both states in the focus (default for 2+ states); any: one of them */
  pairs?: 'within' | 'any';
  /** Which dyads to list (default gaps; all with a focus) */
  table?: 'gaps' | 'aligned-without-alliance' | 'allied-without-alignment' | 'all';
  /** Agreement quantile at or above which a dyad is aligned */
  high?: number;
  /** Agreement quantile at or below which a dyad is not aligned */
  low?: number;
  /** Joint votes a dyad needs in a year */
  'min-n'?: number;
  /** GA source (default: the record, every source stitched) */
  source?: string;
  /** First year (YYYY or YYYY-MM-DD: its year); default the record's first year */
  from?: string | number;
  /** Last year (default: the newest data) */
  to?: string | number;
}

export interface AllianceGapRow {
  year: number;
  a: string;
  b: string;
  agree: number;
  n: number;
  agree_quantile: number;
  ideal_distance: number | null;
  defense: number | null;
  commitments: string | null;
  category: string;
}

/** Alliance-portfolio similarity of a pair by year: S, kappa, pi */
export interface AlliancePortfolioParams {
  /** First state */
  a: string;
  /** Second state, or all (every state of the system) */
  b: string;
  /** Tie values of defense, offense, neutral, nonagg, consul; a state's own tie takes the largest */
  weights?: string;
  /** First year (YYYY or YYYY-MM-DD: its year); default the first year both states are in the state system */
  from?: string | number;
  /** Last year (default: the newest data) */
  to?: string | number;
}

export interface AlliancePortfolioRow {
  year: number;
  a: string;
  b: string;
  s: number | null;
  s2: number | null;
  kappa: number | null;
  pi: number | null;
  n: number | null;
  degenerate: number | null;
}

/** Formal alliance commitments of a pair by year, or their density within a group */
export interface AlliancesParams {
  /** First state */
  a?: string;
  /** Second state */
  b?: string;
  /** Instead of a and b: a group (CRINK, NATO, ...) or a list CHN+RUS+PRK */
  group?: string;
  /** First year (YYYY or YYYY-MM-DD: its year); default the first year both states are in the state system */
  from?: string | number;
  /** Last year (default: the newest data) */
  to?: string | number;
}

export interface AlliancesRow {
  year: number;
  a: string;
  b: string;
  defense: number | null;
  offense: number | null;
  neutral: number | null;
  nonagg: number | null;
  consul: number | null;
  coverage: string;
  treaties: string;
}

/** Every channel of a dyad (or each pair of a group) by year, each on its own scale */
export interface DyadParams {
  /** First state */
  a?: string;
  /** Second state */
  b?: string;
  /** Instead: every pair of a group or a list CHN+RUS+PRK */
  group?: string;
  /** GA source (default: the record, every source stitched) */
  source?: string;
  /** SC source (default: the record, every source stitched) */
  'sc-source'?: string;
  /** Bootstrap interval level for GA agreement (0 = none) */
  ci?: number;
  /** Bootstrap replicates */
  boot?: number;
  /** Seed of the bootstrap */
  seed?: number;
  /** First year (YYYY or YYYY-MM-DD: its year); default 1946, or the first year both states are in the state system */
  from?: string | number;
  /** Last year (default: the newest data) */
  to?: string | number;
}

export interface DyadRow {
  year: number;
  a: string;
  b: string;
  a_id: string;
  b_id: string;
  ga_agree: number | null;
  ga_n: number | null;
  ga_lo: number | null;
  ga_hi: number | null;
  ideal_a: number | null;
  ideal_b: number | null;
  ideal_distance: number | null;
  ideal_distance_sd: number | null;
  sc_agree: number | null;
  sc_n: number | null;
  sc_agree_with_vetoes: number | null;
  sc_n_with_vetoes: number | null;
  vetoes_a: number | null;
  vetoes_b: number | null;
  covetoes: number | null;
  defense: number | null;
  offense: number | null;
  neutral: number | null;
  nonagg: number | null;
  consul: number | null;
  alliance_coverage: string | null;
  portfolio_s: number | null;
  portfolio_kappa: number | null;
  portfolio_pi: number | null;
  portfolio_n: number | null;
}

/** Security Council agreement of the five, with and without vetoed drafts */
export interface ScAgreementParams {
  /** SC source (default: the record, every source stitched) */
  source?: string;
  /** First year (YYYY or YYYY-MM-DD: its year); default the record's first year */
  from?: string | number;
  /** Last year (default: the newest data) */
  to?: string | number;
}

export interface ScAgreementRow {
  year: number;
  a: string;
  b: string;
  agree: number | null;
  n: number;
  agree_with_vetoes: number | null;
  n_with_vetoes: number;
  vetoed_drafts: number;
  covetoes: number;
  vetoes_one_side: number;
}

/** Vetoes of drafts concerning an ally or a voting-aligned partner of the vetoer */
export interface TopCoverParams {
  /** Only vetoes by this permanent member (a seat: RUS includes SUN) */
  member?: string;
  /** Agreement quantile that makes a voting-aligned partner */
  aligned?: number;
  /** Agreement quantile at or below which an ally votes against the vetoer */
  opposed?: number;
  /** Joint votes a dyad needs in a year */
  'min-n'?: number;
  /** GA source (default: the record, every source stitched) */
  source?: string;
  /** First year (YYYY or YYYY-MM-DD: its year); default the first veto */
  from?: string | number;
  /** Last year (default: the newest data) */
  to?: string | number;
}

export interface TopCoverRow {
  date: string;
  draft: string;
  topic: string;
  vetoer: string;
  subject: string;
  subject_basis: string;
  ally: number | null;
  alliance_types: string | null;
  ga_agree: number | null;
  ga_n: number | null;
  agree_quantile: number | null;
  aligned: number | null;
  opposed: number | null;
  top_cover: number | null;
  self: number;
}

/** Security Council vetoes: co-vetoes by pair and period, vetoes by member, or the list */
export interface VetoesParams {
  /** pair (co-vetoes), member or list */
  by?: 'pair' | 'member' | 'list';
  /** Periods of pair and member counts */
  period?: 'all' | 'decade' | 'year';
  /** First year (YYYY or YYYY-MM-DD: its year); default the first veto */
  from?: string | number;
  /** Last year (default: the newest data) */
  to?: string | number;
}

export interface VetoesRow {
  a: string;
  b: string;
  period: string;
  covetoes: number;
}

/** Voting blocs: communities of the agreement graph, tracked over periods */
export interface BlocsParams {
  /** Agreement measure: agree (Voeten), coincidence (US State Department), s / s2 (Signorino-Ritter, absolute / squared), kappa / pi (Haege 2011), a (chance-adjusted S); docs/methods.md */
  measure?: 'agree' | 'coincidence' | 's' | 's2' | 'kappa' | 'pi' | 'a';
  /** Coincidence regime: partial (2017-2020), votes-only (to 2016), nonvoting-as-abstain (2021-) */
  rule?: 'partial' | 'votes-only' | 'nonvoting-as-abstain';
  /** agree: keep roll calls on which every voting state voted alike (Voeten drops them) */
  'keep-unanimous'?: boolean | 0 | 1;
  /** Resolution gamma (larger: more, smaller blocs) */
  gamma?: number;
  /** Minimum joint votes for an edge, and votes cast for a state to be placed */
  'min-n'?: number;
  /** Seeded runs per consensus round */
  runs?: number;
  /** First seed of the runs */
  seed?: number;
  /** Community detection: leiden or multilevel (Louvain) */
  algorithm?: 'leiden' | 'multilevel';
  /** Scan gamma and report the stable partitions */
  scan?: boolean | 0 | 1;
  /** Scan: smallest gamma */
  'gamma-min'?: number;
  /** Scan: largest gamma */
  'gamma-max'?: number;
  /** Scan: step */
  'gamma-step'?: number;
  /** Imported source to read (see `rostrum info`); default: the stitched record of every source */
  source?: string;
  /** UN body: ga (General Assembly plenary) or sc (Security Council) */
  body?: 'ga' | 'sc';
  /** Sessions: a number, a range, an emergency or special session, or a comma list (74; 70-74; ES-11; ES-10-ES-11; S-26; 60-64,70) */
  session?: string | number;
  /** Calendar years: a year, a range or a comma list (2019; 1990-1999; 1989-1993,2005-2012) */
  year?: string | number;
  /** First date included (YYYY or YYYY-MM-DD) */
  from?: string | number;
  /** Last date included (YYYY or YYYY-MM-DD) */
  to?: string | number;
  /** Only roll calls on these issues, a comma list: me (Palestinian conflict), nu (nuclear weapons and material), di (arms control and disarmament), hr (human rights), co (colonialism), ec (economic development). After 2019 the codes are predicted from titles (see docs/methods.md) */
  issue?: string;
  /** Only votes the US State Department marked important */
  important?: boolean | 0 | 1;
  /** Leave out votes on amendments */
  'no-amendments'?: boolean | 0 | 1;
  /** Leave out separate votes on paragraphs */
  'no-paragraphs'?: boolean | 0 | 1;
  /** Periods: one row per session, per calendar year, or all (the whole selection) */
  by?: 'session' | 'year' | 'all';
}

export interface BlocsRow {
  period: string;
  bloc: number;
  label: string;
  size: number;
  members: string;
  modularity: number;
  gamma: number;
  effective_blocs: number;
  core: string;
  borderline: string;
}

/** Where states lean: agreement with two poles and the nearer one */
export interface PolesParams {
  /** Two poles A,B; a pole is a country, a group or X+Y+Z */
  poles?: string;
  /** Agreement measure: agree (Voeten), coincidence (US State Department), s / s2 (Signorino-Ritter, absolute / squared), kappa / pi (Haege 2011), a (chance-adjusted S); docs/methods.md */
  measure?: 'agree' | 'coincidence' | 's' | 's2' | 'kappa' | 'pi' | 'a';
  /** Coincidence regime: partial (2017-2020), votes-only (to 2016), nonvoting-as-abstain (2021-) */
  rule?: 'partial' | 'votes-only' | 'nonvoting-as-abstain';
  /** agree: keep roll calls on which every voting state voted alike (Voeten drops them) */
  'keep-unanimous'?: boolean | 0 | 1;
  /** Minimum joint votes */
  'min-n'?: number;
  /** How the nearer pole is named: projection (position on the A-B segment) or margin */
  method?: 'projection' | 'margin';
  /** Tie band: neither pole is nearer when |position - 0.5| (projection; default 0.1) or |margin| (margin; default 0) is at most this */
  tie?: number;
  /** Imported source to read (see `rostrum info`); default: the stitched record of every source */
  source?: string;
  /** UN body: ga (General Assembly plenary) or sc (Security Council) */
  body?: 'ga' | 'sc';
  /** Sessions: a number, a range, an emergency or special session, or a comma list (74; 70-74; ES-11; ES-10-ES-11; S-26; 60-64,70) */
  session?: string | number;
  /** Calendar years: a year, a range or a comma list (2019; 1990-1999; 1989-1993,2005-2012) */
  year?: string | number;
  /** First date included (YYYY or YYYY-MM-DD) */
  from?: string | number;
  /** Last date included (YYYY or YYYY-MM-DD) */
  to?: string | number;
  /** Only roll calls on these issues, a comma list: me (Palestinian conflict), nu (nuclear weapons and material), di (arms control and disarmament), hr (human rights), co (colonialism), ec (economic development). After 2019 the codes are predicted from titles (see docs/methods.md) */
  issue?: string;
  /** Only votes the US State Department marked important */
  important?: boolean | 0 | 1;
  /** Leave out votes on amendments */
  'no-amendments'?: boolean | 0 | 1;
  /** Leave out separate votes on paragraphs */
  'no-paragraphs'?: boolean | 0 | 1;
  /** Periods: one row per session, per calendar year, or all (the whole selection) */
  by?: 'session' | 'year' | 'all';
}

export interface PolesRow {
  period: string;
  country: string;
  name: string;
  region: string;
  role: string;
  to_a: number | null;
  n_a: number;
  to_b: number | null;
  n_b: number;
  margin: number | null;
  position: number | null;
  nearer: string | null;
}

/** Ideal points of the latest saved run */
export interface IdealLatestParams {
  /** Countries (comma-separated) or a group; default all */
  countries?: string;
  /** Imported source to read (see `rostrum info`); default: the stitched record of every source */
  source?: string;
  /** UN body: ga (General Assembly plenary) or sc (Security Council) */
  body?: 'ga' | 'sc';
  /** Sessions: a number, a range, an emergency or special session, or a comma list (74; 70-74; ES-11; ES-10-ES-11; S-26; 60-64,70) */
  session?: string | number;
  /** Calendar years: a year, a range or a comma list (2019; 1990-1999; 1989-1993,2005-2012) */
  year?: string | number;
  /** First date included (YYYY or YYYY-MM-DD) */
  from?: string | number;
  /** Last date included (YYYY or YYYY-MM-DD) */
  to?: string | number;
}

export interface IdealLatestRow {
  country: string;
  session: string;
  year: number;
  ideal: number;
  sd: number;
  lo: number;
  hi: number;
  nvotes: number;
}

/** Votes on which two sources of the record disagree */
export interface RecordConflictsParams {
  /** ga, sc or both */
  body?: 'ga' | 'sc' | 'both';
  /** Only this state (code or name) */
  country?: string;
  /** First date (YYYY or YYYY-MM-DD) */
  from?: string | number;
  /** Last date (YYYY or YYYY-MM-DD) */
  to?: string | number;
  /** Only conflicts involving this source */
  source?: string;
  /** At most this many rows */
  limit?: number;
}

export interface RecordConflictsRow {
  body: string;
  date: string;
  symbol: string;
  country: string;
  kept_source: string;
  kept_vote: string;
  other_source: string;
  other_symbol: string;
  other_vote: string;
  matched_by: string;
}

/** Accuracy of the issue codes predicted after 2019, per code */
export interface RecordIssuesParams {
}

export interface RecordIssuesRow {
  code: string;
  train_years: string;
  test_years: string;
  n: number;
  accuracy: number;
  always_no: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The country registry: ids, ISO and COW codes, regions, successors */
export interface CountriesParams {
}

export interface CountriesRow {
  iso3: string;
  iso2: string;
  cow: number;
  cow_abbr: string;
  m49: number;
  name: string;
  region: string;
  subregion: string;
  historic: number;
  successors: string;
}

/** Groups of states (EU, NATO, G7, BRICS, CRINK, ...) and their members */
export interface GroupsParams {
  /** Membership on this date (YYYY or YYYY-MM-DD; default: today) */
  date?: string | number;
}

export interface GroupsRow {
  name: string;
  members: string;
  size: number;
  ever_members: string;
  description: string;
}

/** What the store holds: sources, roll calls, votes, dates */
export interface InfoParams {
}

export interface InfoRow {
  name: string;
  format: string;
  body: string;
  rollcalls: number;
  yes: number;
  no: number;
  abstain: number;
  nonvoting: number;
  first_date: string;
  last_date: string;
}

/** Who China lists, by country and sector, next to who lists China's partners */
export interface SanctionsCounterParams {
  /** China's listings on or after */
  from?: string | number;
  /** ... and on or before */
  to?: string | number;
}

export interface SanctionsCounterRow {
  country: string | null;
  country_name: string;
  entries: number;
  persons: number;
  organisations: number;
  first_listed: string | null;
  last_listed: string | null;
  defence: number;
  politics: number;
  civil_society: number;
  business: number;
  other_persons: number;
  other_organisations: number;
  issuer: string | null;
  issuer_lists_RUS: number | null;
  issuer_lists_PRK: number | null;
  issuer_lists_IRN: number | null;
  issuer_lists_CHN: number | null;
}

/** Per target state: the entities each issuer lists, those all list, the union and Jaccard */
export interface SanctionsCoverageParams {
  /** Issuers, comma-separated: US, EU, UN, CN */
  issuers?: string;
  /** Rows per target, per year or per programme */
  by?: 'target' | 'programme' | 'year';
  /** Target states, comma-separated (any form) */
  target?: string;
  /** First year (--by year) */
  from?: string | number;
  /** Last year (--by year) */
  to?: string | number;
}

export interface SanctionsCoverageRow {
  group: string;
  group_name: string;
  period: string | null;
  issuer: string;
  entities: number;
  only: number;
  shared: number;
  union: number;
  jaccard: number | null;
}

/** Every list, name variant, identifier, date and match evidence for a name */
export interface SanctionsEntityParams {
  /** A name (any script) */
  name: string;
  /** At most this many entities */
  limit?: number;
}

export interface SanctionsEntityRow {
  entity: number;
  issuer: string;
  list: string;
  id: string;
  type: string;
  name: string;
  names: string;
  identifiers: string;
  listed: string | null;
  delisted: string | null;
  programmes: string;
  targets: string;
  match_score: number | null;
  match_evidence: string;
}

/** Entities one issuer lists and an ally does not, ranked, with the evidence */
export interface SanctionsGapsParams {
  /** The issuer that lists */
  issuer?: string;
  /** The ally that does not */
  ally?: string;
  /** Target state (ISO3, ISO2 or a name; default: every target) */
  target?: string;
  /** At most this many rows (0: all) */
  limit?: number;
}

export interface SanctionsGapsRow {
  rank: number;
  id: string;
  name: string;
  type: string;
  targets: string;
  programmes: string;
  listed: string | null;
  links_to_ally_listed: number;
  linked: string;
  also_listed_by: string;
  ally_delisted: string | null;
  identifiers: string;
}

/** For entities two issuers list: who listed first and the days between */
export interface SanctionsLagParams {
  /** First issuer */
  a?: string;
  /** Second issuer */
  b?: string;
  /** Target state (ISO3, ISO2 or a name; default: every target) */
  target?: string;
  /** Keep entities first listed by either issuer on or after this date */
  from?: string | number;
  /** ... and on or before this date */
  to?: string | number;
}

export interface SanctionsLagRow {
  entity: number;
  a_id: string;
  a_name: string;
  a_listed: string;
  b_id: string;
  b_name: string;
  b_listed: string;
  days: number;
  first: string;
}

/** The sanctions lists in the store: issuer, entries, snapshot date */
export interface SanctionsListsParams {
}

export interface SanctionsListsRow {
  issuer: string;
  list: string;
  name: string;
  format: string;
  entries: number;
  delisted: number;
  as_of: string | null;
  as_of_basis: string | null;
  imported_at: string;
}

/** The same person, company, vessel or aircraft in two issuers' lists, with the evidence */
export interface SanctionsMatchParams {
  /** Issuers, comma-separated: US, EU, UN, CN */
  issuers?: string;
  /** Lowest score shown (the threshold by default) */
  'min-score'?: number;
  /** Only pairs where either entry targets this state (any form) */
  target?: string;
  /** At most this many rows (0: all) */
  limit?: number;
}

export interface SanctionsMatchRow {
  a_issuer: string;
  a_id: string;
  a_name: string;
  b_issuer: string;
  b_id: string;
  b_name: string;
  score: number;
  evidence: string;
}

/** Dyadic alignment: agreement, coincidence, S, kappa, pi, A */
export interface AgreeParams {
  /** First side: countries, a group, X+Y, or all */
  a: string;
  /** Second side: countries, a group, X+Y, or all */
  b: string;
  /** When the sides overlap, list each pair in both orders (default: once) */
  'both-orders'?: boolean | 0 | 1;
  /** Agreement measure: agree (Voeten), coincidence (US State Department), s / s2 (Signorino-Ritter, absolute / squared), kappa / pi (Haege 2011), a (chance-adjusted S); docs/methods.md */
  measure?: 'agree' | 'coincidence' | 's' | 's2' | 'kappa' | 'pi' | 'a';
  /** Coincidence regime: partial (2017-2020), votes-only (to 2016), nonvoting-as-abstain (2021-) */
  rule?: 'partial' | 'votes-only' | 'nonvoting-as-abstain';
  /** agree: keep roll calls on which every voting state voted alike (Voeten drops them) */
  'keep-unanimous'?: boolean | 0 | 1;
  /** Imported source to read (see `rostrum info`); default: the stitched record of every source */
  source?: string;
  /** UN body: ga (General Assembly plenary) or sc (Security Council) */
  body?: 'ga' | 'sc';
  /** Sessions: a number, a range, an emergency or special session, or a comma list (74; 70-74; ES-11; ES-10-ES-11; S-26; 60-64,70) */
  session?: string | number;
  /** Calendar years: a year, a range or a comma list (2019; 1990-1999; 1989-1993,2005-2012) */
  year?: string | number;
  /** First date included (YYYY or YYYY-MM-DD) */
  from?: string | number;
  /** Last date included (YYYY or YYYY-MM-DD) */
  to?: string | number;
  /** Only roll calls on these issues, a comma list: me (Palestinian conflict), nu (nuclear weapons and material), di (arms control and disarmament), hr (human rights), co (colonialism), ec (economic development). After 2019 the codes are predicted from titles (see docs/methods.md) */
  issue?: string;
  /** Only votes the US State Department marked important */
  important?: boolean | 0 | 1;
  /** Leave out votes on amendments */
  'no-amendments'?: boolean | 0 | 1;
  /** Leave out separate votes on paragraphs */
  'no-paragraphs'?: boolean | 0 | 1;
  /** Periods: one row per session, per calendar year, or all (the whole selection) */
  by?: 'session' | 'year' | 'all';
  /** Bootstrap percentile interval at this level (0.95); 0 = none */
  ci?: number;
  /** Bootstrap replicates (with --ci) */
  boot?: number;
  /** Random seed for the bootstrap */
  seed?: number;
}

export interface AgreeRow {
  a: string;
  b: string;
  period: string;
  measure: string;
  value: number | null;
  n: number;
  lo: number | null;
  hi: number | null;
}

/** Cohesion of a group: Rice, Attina, Hix-Noury-Roland AI, with a null */
export interface CohesionParams {
  /** A group name (G7, EU, CRINK, ...) or an ad-hoc list (CHN,RUS,PRK or CHN+RUS+PRK) */
  group: string;
  /** Cohesion index: rice, attina or ai (Hix-Noury-Roland) */
  index?: 'rice' | 'attina' | 'ai';
  /** Replicates of the random-voting null (0 = none) */
  null?: number;
  /** Bootstrap replicates over roll calls for the intervals of value and adjusted (0 = none) */
  boot?: number;
  /** Random seed for the null and the bootstrap */
  seed?: number;
  /** Instead: each member's rate of voting against the group's plurality (columns group, period, country, votes, defections, rate) */
  defections?: boolean | 0 | 1;
  /** Imported source to read (see `rostrum info`); default: the stitched record of every source */
  source?: string;
  /** UN body: ga (General Assembly plenary) or sc (Security Council) */
  body?: 'ga' | 'sc';
  /** Sessions: a number, a range, an emergency or special session, or a comma list (74; 70-74; ES-11; ES-10-ES-11; S-26; 60-64,70) */
  session?: string | number;
  /** Calendar years: a year, a range or a comma list (2019; 1990-1999; 1989-1993,2005-2012) */
  year?: string | number;
  /** First date included (YYYY or YYYY-MM-DD) */
  from?: string | number;
  /** Last date included (YYYY or YYYY-MM-DD) */
  to?: string | number;
  /** Only roll calls on these issues, a comma list: me (Palestinian conflict), nu (nuclear weapons and material), di (arms control and disarmament), hr (human rights), co (colonialism), ec (economic development). After 2019 the codes are predicted from titles (see docs/methods.md) */
  issue?: string;
  /** Only votes the US State Department marked important */
  important?: boolean | 0 | 1;
  /** Leave out votes on amendments */
  'no-amendments'?: boolean | 0 | 1;
  /** Leave out separate votes on paragraphs */
  'no-paragraphs'?: boolean | 0 | 1;
  /** Periods: one row per session, per calendar year, or all (the whole selection) */
  by?: 'session' | 'year' | 'all';
}

export interface CohesionRow {
  group: string;
  period: string;
  index: string;
  value: number | null;
  n: number;
  members: number;
  null_mean: number | null;
  null_lo: number | null;
  null_hi: number | null;
  value_lo: number | null;
  value_hi: number | null;
  adjusted: number | null;
  adjusted_lo: number | null;
  adjusted_hi: number | null;
}

/** Is one group more cohesive than another? Null-adjusted indices, paired bootstrap */
export interface CohesionCompareParams {
  /** Group A: a name or an ad-hoc list (CHN+RUS+PRK) */
  group: string;
  /** Group B: a name or an ad-hoc list */
  vs: string;
  /** Cohesion index */
  index?: 'rice' | 'attina' | 'ai';
  /** Replicates of the random-voting null */
  null?: number;
  /** Bootstrap replicates over roll calls (at least 100 are used) */
  boot?: number;
  /** Random seed (the same seed gives the same numbers on any number of threads) */
  seed?: number;
  /** Imported source to read (see `rostrum info`); default: the stitched record of every source */
  source?: string;
  /** UN body: ga (General Assembly plenary) or sc (Security Council) */
  body?: 'ga' | 'sc';
  /** Sessions: a number, a range, an emergency or special session, or a comma list (74; 70-74; ES-11; ES-10-ES-11; S-26; 60-64,70) */
  session?: string | number;
  /** Calendar years: a year, a range or a comma list (2019; 1990-1999; 1989-1993,2005-2012) */
  year?: string | number;
  /** First date included (YYYY or YYYY-MM-DD) */
  from?: string | number;
  /** Last date included (YYYY or YYYY-MM-DD) */
  to?: string | number;
  /** Only roll calls on these issues, a comma list: me (Palestinian conflict), nu (nuclear weapons and material), di (arms control and disarmament), hr (human rights), co (colonialism), ec (economic development). After 2019 the codes are predicted from titles (see docs/methods.md) */
  issue?: string;
  /** Only votes the US State Department marked important */
  important?: boolean | 0 | 1;
  /** Leave out votes on amendments */
  'no-amendments'?: boolean | 0 | 1;
  /** Leave out separate votes on paragraphs */
  'no-paragraphs'?: boolean | 0 | 1;
  /** Periods: one row per session, per calendar year, or all (the whole selection) */
  by?: 'session' | 'year' | 'all';
}

export interface CohesionCompareRow {
  group: string;
  vs: string;
  period: string;
  index: string;
  group_value: number | null;
  group_adjusted: number | null;
  vs_value: number | null;
  vs_adjusted: number | null;
  difference: number | null;
  lo: number | null;
  hi: number | null;
  p: number | null;
  n: number;
}

/** Who moved between two periods: each state's change of position between two poles, with intervals */
export interface DriftParams {
  /** Two poles A,B; a pole is a country, a group or X+Y+Z */
  poles?: string;
  /** The earlier period: years (2010-2012, or a list) */
  from: string | number;
  /** The later period: years */
  to: string | number;
  /** Only states of this group (G77, AU, ...) or list */
  group?: string;
  /** Only states of this UN M49 region (Africa, Americas, Asia, Europe, Oceania) */
  region?: string;
  /** Minimum joint votes with each pole in each period */
  'min-n'?: number;
  /** Bootstrap replicates per period */
  boot?: number;
  /** Level of the intervals */
  level?: number;
  /** Random seed (the same seed gives the same numbers on any number of threads) */
  seed?: number;
  /** Imported source to read (see `rostrum info`); default: the stitched record of every source */
  source?: string;
  /** UN body: ga (General Assembly plenary) or sc (Security Council) */
  body?: 'ga' | 'sc';
  /** Only roll calls on these issues, a comma list: me (Palestinian conflict), nu (nuclear weapons and material), di (arms control and disarmament), hr (human rights), co (colonialism), ec (economic development). After 2019 the codes are predicted from titles (see docs/methods.md) */
  issue?: string;
  /** Only votes the US State Department marked important */
  important?: boolean | 0 | 1;
  /** Leave out votes on amendments */
  'no-amendments'?: boolean | 0 | 1;
  /** Leave out separate votes on paragraphs */
  'no-paragraphs'?: boolean | 0 | 1;
}

export interface DriftRow {
  country: string;
  from_position: number;
  to_position: number;
  change: number;
  lo: number | null;
  hi: number | null;
}

/** Look up a roll call: the matches, or for one every state's vote, the totals and the source */
export interface RollcallParams {
  /** Resolution symbol (A/RES/ES-11/7, S/RES/2334(2016)); case and spaces do not matter */
  symbol?: string;
  /** Words of the title (all must occur, as word beginnings) */
  search?: string;
  /** The day (YYYY-MM-DD) or year (YYYY) of the vote */
  date?: string | number;
  /** The roll call's id in the store (the id column of a list) */
  id?: number;
  /** One roll call: only states of this group on the date (G20, EU, X+Y+Z) */
  group?: string;
  /** One roll call: only these states */
  countries?: string;
  /** At most this many matches listed */
  limit?: number;
  /** Imported source to read (see `rostrum info`); default: the stitched record of every source */
  source?: string;
  /** UN body: ga (General Assembly plenary) or sc (Security Council) */
  body?: 'ga' | 'sc';
  /** Sessions: a number, a range, an emergency or special session, or a comma list (74; 70-74; ES-11; ES-10-ES-11; S-26; 60-64,70) */
  session?: string | number;
  /** Calendar years: a year, a range or a comma list (2019; 1990-1999; 1989-1993,2005-2012) */
  year?: string | number;
  /** First date included (YYYY or YYYY-MM-DD) */
  from?: string | number;
  /** Last date included (YYYY or YYYY-MM-DD) */
  to?: string | number;
  /** Only roll calls on these issues, a comma list: me (Palestinian conflict), nu (nuclear weapons and material), di (arms control and disarmament), hr (human rights), co (colonialism), ec (economic development). After 2019 the codes are predicted from titles (see docs/methods.md) */
  issue?: string;
}

export interface RollcallRow {
  country: string;
  name: string;
  vote: string;
  id: number;
  body: string;
  session: string;
  date: string;
  symbol: string;
  title: string;
  yes: number;
  no: number;
  abstain: number;
  source: string;
}

/** Change points in a pair's agreement series or a group's cohesion */
export interface ShiftsParams {
  /** First side: a country (or a list/group, pooled) */
  a?: string;
  /** Second side */
  b?: string;
  /** Instead of a pair: a group (or an ad-hoc list) whose cohesion series is segmented */
  group?: string;
  /** Cohesion index with --group */
  index?: 'rice' | 'attina' | 'ai';
  /** Agreement measure: agree (Voeten), coincidence (US State Department), s / s2 (Signorino-Ritter, absolute / squared), kappa / pi (Haege 2011), a (chance-adjusted S); docs/methods.md */
  measure?: 'agree' | 'coincidence';
  /** Coincidence regime: partial (2017-2020), votes-only (to 2016), nonvoting-as-abstain (2021-) */
  rule?: 'partial' | 'votes-only' | 'nonvoting-as-abstain';
  /** agree: keep roll calls on which every voting state voted alike (Voeten drops them) */
  'keep-unanimous'?: boolean | 0 | 1;
  /** Segmentation: pelt (exact) or binseg */
  method?: 'pelt' | 'binseg';
  /** Segment cost */
  cost?: 'beta-binomial' | 'binomial';
  /** How the penalty is chosen: ic (information criterion), elbow, or penalty (with --penalty) */
  select?: 'ic' | 'elbow' | 'penalty';
  /** Fixed penalty per change point (implies --select penalty) */
  penalty?: number;
  /** Information-criterion multiplier of log(N_eff) */
  'ic-multiplier'?: number;
  /** Shortest regime, in periods */
  'min-segment'?: number;
  /** Imported source to read (see `rostrum info`); default: the stitched record of every source */
  source?: string;
  /** UN body: ga (General Assembly plenary) or sc (Security Council) */
  body?: 'ga' | 'sc';
  /** Sessions: a number, a range, an emergency or special session, or a comma list (74; 70-74; ES-11; ES-10-ES-11; S-26; 60-64,70) */
  session?: string | number;
  /** Calendar years: a year, a range or a comma list (2019; 1990-1999; 1989-1993,2005-2012) */
  year?: string | number;
  /** First date included (YYYY or YYYY-MM-DD) */
  from?: string | number;
  /** Last date included (YYYY or YYYY-MM-DD) */
  to?: string | number;
  /** Only roll calls on these issues, a comma list: me (Palestinian conflict), nu (nuclear weapons and material), di (arms control and disarmament), hr (human rights), co (colonialism), ec (economic development). After 2019 the codes are predicted from titles (see docs/methods.md) */
  issue?: string;
  /** Only votes the US State Department marked important */
  important?: boolean | 0 | 1;
  /** Leave out votes on amendments */
  'no-amendments'?: boolean | 0 | 1;
  /** Leave out separate votes on paragraphs */
  'no-paragraphs'?: boolean | 0 | 1;
  /** Periods: one row per session, per calendar year, or all (the whole selection) */
  by?: 'session' | 'year' | 'all';
}

export interface ShiftsRow {
  kind: string;
  first: string;
  last: string;
  mean: number | null;
  before: number | null;
  after: number | null;
  n: number | null;
  cost_reduction: number | null;
}

export const endpoints = {
  'alliance-cohesion': 'alliance-cohesion',
  'alliance-gap': 'alliance-gap',
  'alliance-portfolio': 'alliance-portfolio',
  alliances: 'alliances',
  dyad: 'dyad',
  'sc-agreement': 'sc-agreement',
  'top-cover': 'top-cover',
  vetoes: 'vetoes',
  blocs: 'blocs',
  poles: 'poles',
  'ideal-latest': 'ideal',
  'record/conflicts': 'record/conflicts',
  'record/issues': 'record/issues',
  countries: 'countries',
  groups: 'groups',
  info: 'info',
  'sanctions/counter': 'sanctions/counter',
  'sanctions/coverage': 'sanctions/coverage',
  'sanctions/entity': 'sanctions/entity',
  'sanctions/gaps': 'sanctions/gaps',
  'sanctions/lag': 'sanctions/lag',
  'sanctions/lists': 'sanctions/lists',
  'sanctions/match': 'sanctions/match',
  agree: 'agree',
  cohesion: 'cohesion',
  'cohesion-compare': 'cohesion-compare',
  drift: 'drift',
  rollcall: 'rollcall',
  shifts: 'shifts',
} as const;

export interface Analyses {
  'alliance-cohesion': { params: AllianceCohesionParams; row: AllianceCohesionRow };
  'alliance-gap': { params: AllianceGapParams; row: AllianceGapRow };
  'alliance-portfolio': { params: AlliancePortfolioParams; row: AlliancePortfolioRow };
  alliances: { params: AlliancesParams; row: AlliancesRow };
  dyad: { params: DyadParams; row: DyadRow };
  'sc-agreement': { params: ScAgreementParams; row: ScAgreementRow };
  'top-cover': { params: TopCoverParams; row: TopCoverRow };
  vetoes: { params: VetoesParams; row: VetoesRow };
  blocs: { params: BlocsParams; row: BlocsRow };
  poles: { params: PolesParams; row: PolesRow };
  'ideal-latest': { params: IdealLatestParams; row: IdealLatestRow };
  'record/conflicts': { params: RecordConflictsParams; row: RecordConflictsRow };
  'record/issues': { params: RecordIssuesParams; row: RecordIssuesRow };
  countries: { params: CountriesParams; row: CountriesRow };
  groups: { params: GroupsParams; row: GroupsRow };
  info: { params: InfoParams; row: InfoRow };
  'sanctions/counter': { params: SanctionsCounterParams; row: SanctionsCounterRow };
  'sanctions/coverage': { params: SanctionsCoverageParams; row: SanctionsCoverageRow };
  'sanctions/entity': { params: SanctionsEntityParams; row: SanctionsEntityRow };
  'sanctions/gaps': { params: SanctionsGapsParams; row: SanctionsGapsRow };
  'sanctions/lag': { params: SanctionsLagParams; row: SanctionsLagRow };
  'sanctions/lists': { params: SanctionsListsParams; row: SanctionsListsRow };
  'sanctions/match': { params: SanctionsMatchParams; row: SanctionsMatchRow };
  agree: { params: AgreeParams; row: AgreeRow };
  cohesion: { params: CohesionParams; row: CohesionRow };
  'cohesion-compare': { params: CohesionCompareParams; row: CohesionCompareRow };
  drift: { params: DriftParams; row: DriftRow };
  rollcall: { params: RollcallParams; row: RollcallRow };
  shifts: { params: ShiftsParams; row: ShiftsRow };
}
