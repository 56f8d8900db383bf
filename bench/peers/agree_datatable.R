# Voeten agreement for all pairs x all sessions with R data.table, written the way
# an analyst would: join each roll call's votes with themselves, drop unanimous
# roll calls, average 1 - |vi - vj| / 2 per dyad and session.
# Usage: Rscript agree_datatable.R DATA_DIR OUT.csv
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
votes <- fread(file.path(dir, "un_votes.csv.gz"), select = c("rcid", "country", "vote"))
rcs <- fread(file.path(dir, "un_roll_calls.csv.gz"), select = c("rcid", "session"))
votes[, v := fifelse(vote == "yes", 1L, fifelse(vote == "abstain", 2L, 3L))]
votes <- merge(votes[, .(rcid, country, v)], rcs, by = "rcid")
# Voeten: drop roll calls on which every voting state voted alike.
votes <- votes[, if (uniqueN(v) > 1) .SD, by = rcid]
out <- rbindlist(lapply(split(votes, by = "session"), function(s) {
  pairs <- s[s, on = "rcid", allow.cartesian = TRUE, nomatch = NULL][country < i.country]
  pairs[, .(value = mean(1 - abs(v - i.v) / 2), n = .N), by = .(a = country, b = i.country, session)]
}))
fwrite(out, args[2])
