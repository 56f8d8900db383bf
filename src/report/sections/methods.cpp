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
<dt>Ideal points</dt><dd>When available: the project's dynamic ordinal IRT estimates (docs/ideal-points in the repository; Bailey, Strezhnev &amp; Voeten 2017, <i>Journal of Conflict Resolution</i> 61:430).</dd>
</dl>
<p class=small>Data: UN General Assembly roll calls as imported into the store (unvotes: Voeten, Strezhnev &amp; Bailey, Harvard Dataverse hdl:1902.1/12379). Absences are not votes and are excluded everywhere. Every figure in this brief is the output of a <code>rostrum</code> query (agree, shifts, cohesion, blocs, poles) and can be reproduced from the command line.</p>
</section>
)";
}


}  // namespace rostrum::report::brief_detail
