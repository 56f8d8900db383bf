// Generated from the query catalogue by `rostrum catalogue --typescript`; do not edit.
// tests/query checks that this file is current: regenerate it after changing an analysis.

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
  /** |margin| at most this is a tie */
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
  /** Random seed for the null */
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
  blocs: 'blocs',
  poles: 'poles',
  'ideal-latest': 'ideal',
  countries: 'countries',
  groups: 'groups',
  info: 'info',
  agree: 'agree',
  cohesion: 'cohesion',
  shifts: 'shifts',
} as const;

export interface Analyses {
  blocs: { params: BlocsParams; row: BlocsRow };
  poles: { params: PolesParams; row: PolesRow };
  'ideal-latest': { params: IdealLatestParams; row: IdealLatestRow };
  countries: { params: CountriesParams; row: CountriesRow };
  groups: { params: GroupsParams; row: GroupsRow };
  info: { params: InfoParams; row: InfoRow };
  agree: { params: AgreeParams; row: AgreeRow };
  cohesion: { params: CohesionParams; row: CohesionRow };
  shifts: { params: ShiftsParams; row: ShiftsRow };
}
