// The brief's section: methods and citations.
#include "report/brief_builder.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/rollcall.hpp"
#include "core/text.hpp"
#include "registry/registry.hpp"

namespace rostrum::report::brief_detail {

std::string Builder::methods() const {
  return R"(<section class=methods><h2>Methods</h2>
<dl>
<dt>Agreement (Voeten)</dt><dd>Votes coded yes = 1, abstain = 2, no = 3; for a pair, the mean of 1 &#8722; |v<sub>i</sub> &#8722; v<sub>j</sub>|/2 over the roll calls on which both cast a vote (n), after dropping roll calls on which every voting state voted alike. Voeten, E. (2000), &#8220;Clashes in the Assembly&#8221;, <i>International Organization</i> 54(2):185&#8211;215. Pooled values over several pairs are total agreement / total joint votes.</dd>
<dt>Intervals</dt><dd>Nonparametric bootstrap over roll calls within each period, percentile intervals (Efron &amp; Tibshirani 1993, <i>An Introduction to the Bootstrap</i>).</dd>
<dt>Change points</dt><dd>PELT (Killick, Fearnhead &amp; Eckley 2012, <i>JASA</i> 107:1590) on a beta-binomial likelihood of the yearly counts (Skellam 1948; Williams 1982), overdispersion estimated robustly from first differences; minimum segment 3 years; penalty path by CROPS (Haynes, Eckley &amp; Fearnhead 2017, <i>JCGS</i> 26:134); reported segmentation at penalty 2&#160;log(N<sub>eff</sub>) (Schwarz 1978 information criterion on the effective number of votes).</dd>
<dt>Cohesion</dt><dd>Agreement index AI = (1.5&#160;m &#8722; 0.5&#160;T)/T per roll call, m the largest of the yes/no/abstain counts among the T voting members (Hix, Noury &amp; Roland 2005, <i>British Journal of Political Science</i> 35:209), averaged per year; null: members drawn independently from the group's pooled vote shares in the period.</dd>
<dt>Blocs</dt><dd>Agreement graph of a year (edges: pairs above the year's mean agreement, at least 10 joint votes), Leiden communities (Traag, Waltman &amp; van Eck 2019, <i>Scientific Reports</i> 9:5233) with consensus over seeded runs (Lancichinetti &amp; Fortunato 2012, <i>Sci. Rep.</i> 2:336); modularity Q (Newman &amp; Girvan 2004); effective number of blocs 1/&#931;s<sub>k</sub><sup>2</sup> (Laakso &amp; Taagepera 1979).</dd>
<dt>Poles</dt><dd>Each third state's pooled agreement with each side and the difference (margin); positive = closer to the focus states.</dd>
<dt>Who moved</dt><dd>Each state&#8217;s position on the segment from the comparison group (0) to the focus states (1): with d = 1 &#8722; pooled agreement, t = (d<sub>A</sub><sup>2</sup> &#8722; d<sub>B</sub><sup>2</sup> + d<sub>AB</sub><sup>2</sup>)/(2d<sub>AB</sub><sup>2</sup>) (law of cosines, the classical scaling of three points; Torgerson 1952, <i>Psychometrika</i> 17:401), in an earlier period as long as &#8216;now&#8217; ending ten years before the record&#8217;s last year, and now; change with a percentile bootstrap interval resampling roll calls within each period. A state is called moved only when the interval excludes 0.</dd>
<dt>Alliances</dt><dd>ATOP obligation types (defence, offence, neutrality, non-aggression, consultation) in either direction per year (Leeds, Ritter, Mitchell &amp; Long 2002, <i>International Interactions</i> 28:237; ATOP 5.1), complete for the years it covers; later years only where a treaty file cites a treaty (types it does not name are unknown, not 0). Density: share of the group&#8217;s pairs bound by a type. Alignment gap: a pair&#8217;s GA agreement ranked among all pairs of the year; aligned without alliance at rank &#8805; 0.75 with no defence pledge, allied without alignment at &#8804; 0.25 with one. Portfolio similarity S: Signorino &amp; Ritter 1999, <i>International Studies Quarterly</i> 43:115.</dd>
<dt>Vetoes</dt><dd>Drafts a permanent member voted against, vetoing seats read by date (the Soviet seat is RUS from 1991-12-25, the China seat CHN from 1971-10-26); co-vetoes: drafts both vetoed; several files merged, a veto listed twice counted once.</dd>
<dt>Sanctions</dt><dd>Designations of each list joined into entities by name and identifier matching (docs/sanctions.md), counted once per issuer; listed by all / by any and Jaccard = shared / union (Jaccard 1901). Lag: EU first-listing date minus the US one per entity both list, median and quartiles (Hyndman &amp; Fan 1996, definition 7).</dd>
<dt>Ideal points</dt><dd>When available: the project's dynamic ordinal IRT estimates (docs/ideal-points in the repository; Bailey, Strezhnev &amp; Voeten 2017, <i>Journal of Conflict Resolution</i> 61:430).</dd>
</dl>
<p class=small>Data: UN General Assembly roll calls as imported into the store (unvotes: Voeten, Strezhnev &amp; Bailey, Harvard Dataverse hdl:1902.1/12379). Absences are not votes and are excluded everywhere. Every figure in this brief is the output of a <code>rostrum</code> query (agree, shifts, cohesion, blocs, poles, drift, alliances, alliance-gap, dyad, vetoes, sanctions) and can be reproduced from the command line.</p>
)" + sources_html() +
         "</section>\n";
}

}  // namespace rostrum::report::brief_detail
