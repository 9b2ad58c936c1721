#!/usr/bin/env bash
# End-to-end ingest evaluation: HTML pages → events in the store, on all cores.
#
#   scripts/eval_ingest.sh           # measure and regenerate docs/eval/ingest.md (ingest section)
#   scripts/eval_ingest.sh --check   # CI: counts, idempotence, GDELT's 61 columns, floors; exit 1 on failure
#
# Shared data: ${PARLEY_SHARED:-$(dirname "$0")/../../shared}. Binary: $PARLEY_BIN, else
# target/release/parley (built when missing). Floors: INGEST_FLOOR_APS (articles/s, default 300)
# and INGEST_FLOOR_STORED (fraction of pages stored, default 0.95).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="${PARLEY_SHARED:-$here/../../shared}"
check=0
[[ "${1:-}" == "--check" ]] && check=1
floor_aps="${INGEST_FLOOR_APS:-300}"
floor_stored="${INGEST_FLOOR_STORED:-0.95}"

dirs=("$shared/eval/extraction/scrapinghub/html" "$shared/eval/extraction/wcxb-dev-articles/html")
for d in "${dirs[@]}"; do
  if [[ ! -d "$d" ]]; then
    echo "eval_ingest: $d not found; skipping (set PARLEY_SHARED)"
    exit 0
  fi
done

bin="${PARLEY_BIN:-$root/target/release/parley}"
if [[ ! -x "$bin" ]]; then
  (cd "$root" && cargo build --release -p parley_cli >&2)
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Run a copy: others may rebuild target/release/parley while this runs.
cp "$bin" "$tmp/parley"
bin="$tmp/parley"

fail=0
say() { echo "eval_ingest: $*"; }
bad() { echo "eval_ingest: FAIL: $*"; fail=1; }

pages=0
for d in "${dirs[@]}"; do pages=$((pages + $(find "$d" -type f -name '*.html.gz' | wc -l))); done
cores=$(nproc)

db="$tmp/eval.db"
load_before=$(cut -d' ' -f1 /proc/loadavg)
t0=$(date +%s.%N)
/usr/bin/time -f "%U %S %M" -o "$tmp/run1.time" "$bin" ingest "${dirs[@]}" --db "$db" -q > "$tmp/run1.txt"
t1=$(date +%s.%N)
read -r cpu_user cpu_sys rss1 < "$tmp/run1.time"
cpu=$(python3 -c "print(f'{$cpu_user + $cpu_sys:.1f}')")
cat "$tmp/run1.txt"
stored=$(sed -n 's/^ingested \([0-9]*\) articles.*/\1/p' "$tmp/run1.txt")
mentions=$(sed -n 's/^ingested [0-9]* articles (\([0-9]*\) event mentions.*/\1/p' "$tmp/run1.txt")
skipped=$(sed -n 's/^skipped: \([0-9]*\)$/\1/p' "$tmp/run1.txt")
dups=$(sed -n 's/^already stored: \([0-9]*\)$/\1/p' "$tmp/run1.txt")
secs=$(python3 -c "print(f'{$t1 - $t0:.2f}')")
aps=$(python3 -c "print(f'{$stored / ($t1 - $t0):.0f}')")
pps=$(python3 -c "print(f'{$pages / ($t1 - $t0):.0f}')")
aps_cpu=$(python3 -c "print(f'{$stored / ($cpu_user + $cpu_sys) * $cores:.0f}')")
say "$pages pages: $stored stored, $dups duplicates, $skipped skipped, $mentions event mentions in ${secs}s → $aps articles/s ($pps pages/s) on $cores cores (load average before: $load_before)"
say "CPU time ${cpu}s → $aps_cpu articles/s on $cores otherwise idle cores; peak RSS $((rss1 / 1024)) MB"

[[ $((stored + dups + skipped)) -eq $pages ]] || bad "stored + duplicates + skipped = $((stored + dups + skipped)), not $pages pages"
python3 -c "import sys; sys.exit(0 if $stored >= $floor_stored * $pages else 1)" || bad "only $stored of $pages pages stored (floor $floor_stored)"
python3 -c "import sys; sys.exit(0 if $aps >= $floor_aps else 1)" || bad "$aps articles/s is under the floor of $floor_aps"

"$bin" stats --db "$db" --format jsonl > "$tmp/stats1.json"
n_articles=$(python3 -c "import json; print(json.load(open('$tmp/stats1.json'))['articles'])")
[[ "$n_articles" -eq "$stored" ]] || bad "stats says $n_articles articles, ingest said $stored"
n_events=$(python3 -c "import json; print(json.load(open('$tmp/stats1.json'))['events'])")
n_mentions=$(python3 -c "import json; print(json.load(open('$tmp/stats1.json'))['event_mentions'])")
n_clusters=$(python3 -c "import json; print(json.load(open('$tmp/stats1.json'))['clusters'])")
n_quotes=$(python3 -c "import json; print(json.load(open('$tmp/stats1.json'))['quotes'])")
n_entities=$(python3 -c "import json; print(json.load(open('$tmp/stats1.json'))['entities'])")
# The full-text indexes (written once per batch, after its articles): SQLite's own integrity
# check, and one indexed row per stored article.
fts_rows=$(python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for t in ("articles_fts", "quotes_fts"):
    c.execute(f"INSERT INTO {t}({t}) VALUES('integrity-check')")
print(c.execute("SELECT count(*) FROM articles_fts").fetchone()[0])
PY
) || { bad "full-text index integrity-check failed"; fts_rows=0; }
[[ "$fts_rows" == "$n_articles" ]] || bad "articles_fts holds $fts_rows rows for $n_articles articles"
[[ "$n_mentions" -eq "$mentions" ]] || bad "stats says $n_mentions event mentions, ingest said $mentions"

# Idempotence: a second run adds nothing.
t2=$(date +%s.%N)
"$bin" ingest "${dirs[@]}" --db "$db" -q > "$tmp/run2.txt"
t3=$(date +%s.%N)
rerun_secs=$(python3 -c "print(f'{$t3 - $t2:.2f}')")
stored2=$(sed -n 's/^ingested \([0-9]*\) articles.*/\1/p' "$tmp/run2.txt")
"$bin" stats --db "$db" --format jsonl > "$tmp/stats2.json"
if [[ "$stored2" -ne 0 ]] || ! cmp -s "$tmp/stats1.json" "$tmp/stats2.json"; then
  bad "second run stored $stored2 articles or changed the counts"
else
  say "idempotent: the second run stored 0 articles in ${rerun_secs}s, counts unchanged"
fi

# The same pages with every sentence parsed (`--parse all`, what `parley analyze` does): speed and
# output compared with the default (`--parse needed`, the parser only on sentences whose parse a
# later stage reads). Event records and quotes are compared as multisets of their content
# (ids, insertion times, and the evidence, URL and actor names a merged record takes from its
# first mention, which depend on the order the workers finish in, left out).
db_all="$tmp/all.db"
t6=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$tmp/all.time" "$bin" ingest "${dirs[@]}" --db "$db_all" -q --parse all > "$tmp/run_all.txt"
t7=$(date +%s.%N)
read -r all_user all_sys < "$tmp/all.time"
all_secs=$(python3 -c "print(f'{$t7 - $t6:.2f}')")
all_cpu=$(python3 -c "print(f'{$all_user + $all_sys:.1f}')")
stored_all=$(sed -n 's/^ingested \([0-9]*\) articles.*/\1/p' "$tmp/run_all.txt")
all_aps=$(python3 -c "print(f'{$stored_all / ($t7 - $t6):.0f}')")
all_aps_cpu=$(python3 -c "print(f'{$stored_all / ($all_user + $all_sys) * $cores:.0f}')")
"$bin" stats --db "$db_all" --format jsonl > "$tmp/stats_all.json"
for d in needed all; do
  dbf="$db"; [[ $d == all ]] && dbf="$db_all"
  "$bin" events --db "$dbf" --format jsonl > "$tmp/ev_$d.jsonl"
  "$bin" quotes --db "$dbf" --format jsonl > "$tmp/q_$d.jsonl"
done
# One pass over both runs' records: a summary line, then OK or DRIFT against the allowance.
parse_out=$(python3 - "$tmp" "${INGEST_MAX_QUOTE_DIFF:-0.005}" "$root/crates/parley_quotes/data/cues.tsv" <<'PY'
import collections, json, sys
t, allow, cues_path = sys.argv[1], float(sys.argv[2]), sys.argv[3]
# `--parse needed` finds indirect speech only through the cue lexicon (its forms and their
# lemmas); `--parse all` also through any verb with a clausal complement ("ensures that …").
lexicon = {l.split("\t")[0].lower() for l in open(cues_path) if l.strip() and not l.startswith("#")}
def bag(path, drop):
    c = collections.Counter()
    for line in open(path):
        d = json.loads(line)
        for k in drop:
            d.pop(k, None)
        c[json.dumps(d, sort_keys=True)] += 1
    return c
ev_drop = ["id", "added", "evidence", "url", "source_name", "target_name"]
q_drop = ["id", "article_id", "added"]
ea, eb = bag(f"{t}/ev_all.jsonl", ev_drop), bag(f"{t}/ev_needed.jsonl", ev_drop)
qa, qb = bag(f"{t}/q_all.jsonl", q_drop), bag(f"{t}/q_needed.jsonl", q_drop)
only_all, only_needed = qa - qb, qb - qa
outside = sum(n for q, n in only_all.items() if (json.loads(q).get("cue") or "").lower() not in lexicon)
out = []
out.append(f"event records: {sum(ea.values())} (all) / {sum(eb.values())} (needed), "
           f"{sum((ea - eb).values())} only with --parse all, {sum((eb - ea).values())} only with needed")
out.append(f"quotes: {sum(qa.values())} (all) / {sum(qb.values())} (needed), {sum(only_all.values())} only with "
           f"--parse all ({outside} of them cued by a verb outside the cue lexicon), {sum(only_needed.values())} only with needed")
sa = json.load(open(f"{t}/stats_all.json")); sb = json.load(open(f"{t}/stats1.json"))
out.append(f"entities: {sa['entities']} / {sb['entities']}; event mentions: {sa['event_mentions']} / {sb['event_mentions']}")
print("; ".join(out))
qdiff = sum(only_all.values()) - outside + sum(only_needed.values())
ok = ea == eb and sa["entities"] == sb["entities"] and qdiff <= allow * max(1, sum(qa.values()))
print("OK" if ok else "DRIFT")
PY
)
parse_diff=$(head -n 1 <<< "$parse_out")
# The quote score of the two selections on PolNeAR dev (news with hand-marked attributions).
pn="$shared/eval/quotes/polnear-dev"
polnear="(PolNeAR dev not found)"
if [[ -d "$pn" ]]; then
  python3 "$shared/tools/polnear_jsonl.py" "$pn" > "$tmp/pn.jsonl"
  polnear=""
  for m in all needed; do
    "$bin" analyze --parse "$m" --input-format jsonl --format jsonl "$tmp/pn.jsonl" > "$tmp/pn_$m.jsonl"
    polnear+="--parse $m: $(python3 "$shared/tools/score_polnear.py" "$pn" "$tmp/pn_$m.jsonl" | grep '^PolNeAR all')"$'\n'
  done
fi
say "--parse all: ${all_secs}s, $all_aps articles/s (CPU ${all_cpu}s → $all_aps_cpu articles/s); $parse_diff"
[[ "$(tail -n 1 <<< "$parse_out")" == OK ]] || bad "--parse needed changed the output beyond the allowance: $parse_diff"

# GDELT export: 61 tab-separated columns, one line per non-negated event record.
"$bin" export --format gdelt --db "$db" > "$tmp/events.tsv"
gdelt_lines=$(wc -l < "$tmp/events.tsv")
bad_cols=$(awk -F'\t' 'NF != 61' "$tmp/events.tsv" | wc -l)
"$bin" events --db "$db" --format jsonl > "$tmp/events.jsonl"
non_negated=$(python3 -c "
import json
print(sum(1 for l in open('$tmp/events.jsonl') if not json.loads(l)['negated']))")
[[ "$bad_cols" -eq 0 ]] || bad "$bad_cols GDELT lines do not have 61 columns"
[[ "$gdelt_lines" -eq "$non_negated" ]] || bad "GDELT export has $gdelt_lines lines for $non_negated non-negated event records"
say "GDELT export: $gdelt_lines lines, all with 61 columns"

# Parquet: readable by pyarrow when it is installed (a throwaway venv: PARLEY_PYTHON=/tmp/venv/bin/python).
py="${PARLEY_PYTHON:-python3}"
"$bin" export --format parquet --out "$tmp/events.parquet" --db "$db" 2>/dev/null
if "$py" -c "import pyarrow" 2>/dev/null; then
  pq_rows=$("$py" -c "import pyarrow.parquet as pq; print(pq.read_table('$tmp/events.parquet').num_rows)")
  [[ "$pq_rows" -eq "$n_events" ]] || bad "Parquet has $pq_rows rows for $n_events event records"
  parquet_note="read by pyarrow: $pq_rows rows"
else
  parquet_note="not checked (no pyarrow; set PARLEY_PYTHON to a venv's python)"
fi
say "Parquet export: $parquet_note"

# The ingest machinery alone: extraction and the store, no analysis stages.
extract_only_line="(not run in --check mode)"
if [[ $check -eq 0 ]]; then
  t4=$(date +%s.%N)
  "$bin" ingest "${dirs[@]}" --db "$tmp/extract-only.db" -q --extract-only > "$tmp/run3.txt"
  t5=$(date +%s.%N)
  extract_only_line="$(head -1 "$tmp/run3.txt" | sed "s#$tmp/##"); wall with start-up $(python3 -c "print(f'{$t5 - $t4:.2f}')") s, $(python3 -c "print(f'{$stored / ($t5 - $t4):.0f}')") articles/s"
  say "extract-only: $extract_only_line"
fi

# One-core figure (not in --check mode: CI time).
bench="(not run in --check mode)"
if [[ $check -eq 0 ]]; then
  bench=$("$bin" bench ingest --pages "${dirs[0]}" --pages "${dirs[1]}")
  say "$bench"
fi

if [[ $check -eq 1 ]]; then
  if [[ $fail -ne 0 ]]; then exit 1; fi
  say "all checks passed"
  exit 0
fi

doc="$root/docs/eval/ingest.md"
mkdir -p "$(dirname "$doc")"
warc_section=""
if [[ -f "$doc" ]]; then
  warc_section=$(sed -n '/<!-- warc -->/,/<!-- \/warc -->/p' "$doc")
fi
[[ -n "$warc_section" ]] || warc_section=$'<!-- warc -->\n(not measured yet: run scripts/bench_warc.sh)\n<!-- /warc -->'
commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
cat > "$doc" <<EOF
# Ingest: evaluation

Generated by \`scripts/eval_ingest.sh\` on $(date -u +%Y-%m-%d) (tree at $commit plus working
changes), $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')).
Reproduce: \`scripts/eval_ingest.sh\` (measure + rewrite this file) or \`scripts/eval_ingest.sh --check\` (CI).

## End to end: HTML pages → events in the store (all cores)

\`parley ingest ../shared/eval/extraction/scrapinghub/html ../shared/eval/extraction/wcxb-dev-articles/html --db DB\`
(fresh database, every stage of the pipeline as built at the time of the run):

| measure | value |
|---|---|
| pages (\`.html.gz\`) | $pages |
| articles stored | $stored |
| already stored (duplicate text / canonical URL) | $dups |
| skipped (see reasons below) | $skipped |
| wall time | ${secs} s |
| **articles/s, $cores cores** | **$aps** (bar: ≥ 300) |
| pages/s | $pps |
| CPU time (user + sys) | ${cpu} s → **$aps_cpu articles/s** on $cores otherwise idle cores (articles per CPU-second × cores) |
| the same with every sentence parsed (\`--parse all\`) | ${all_secs} s wall, $all_aps articles/s; CPU ${all_cpu} s → $all_aps_cpu articles/s |
| load average when the run started (other jobs on the machine) | $load_before |
| peak RSS | $((rss1 / 1024)) MB |
| entities / quotes stored | $n_entities / $n_quotes |
| event mentions → merged event records | $n_mentions → $n_events |
| near-duplicate clusters | $n_clusters for $stored articles |
| second run (idempotence) | 0 stored, counts unchanged, ${rerun_secs} s |
| GDELT export | $gdelt_lines lines, 61 columns each |
| Parquet export | $parquet_note |

The default \`--parse needed\` runs the dependency parser only on the sentences a later stage reads
the parse of (\`parley_pipeline::select\`): on a page that can pass the events' plausibility filter,
the event-verb sentences where a political actor may act (\`parley_events/src/gate.rs\`), protest
patterns and the sentences whose parse the coreference reads (pronouns, nationalities); on every page,
sentences with a quote cue of the lexicon or a noun of saying. The others are tokenised, tagged and
lemmatised only; the entities are found before the parse and again after it when a
parse-sensitive sentence was parsed. \`parley analyze\` (and so every scored evaluation) parses
every sentence unless given \`--parse needed\`. Output of the two runs compared (\`--check\` fails
when event records or entities differ, or when more than 0.5% of quotes differ for another reason
than indirect speech through a verb outside the cue lexicon, which only \`--parse all\` finds):

\`\`\`
$parse_diff
\`\`\`

The same two selections on PolNeAR dev (\`parley analyze --parse all|needed\`, scored by
\`../shared/tools/score_polnear.py\`; all attributions, direct quotes are the same in both):

\`\`\`
$polnear\`\`\`

Skip reasons of the first run:

\`\`\`
$(sed -n '/^skipped:/,$p' "$tmp/run1.txt")
\`\`\`

One core, pages held in memory (\`parley bench ingest --pages DIR --pages DIR\`):

\`\`\`
$bench
\`\`\`

Where the time goes (2026-11-28, \`perf record -F 200 --call-graph dwarf parley bench ingest --pages DIR --pages DIR\`
on the two folders, one core, \`perf report --children\`; shares of all samples, which include loading
the pages and the models): dependency parser 24% (on the sentences \`--parse needed\` selects),
tagger 19%, entities 10% (found twice on pages whose events may count), sentence splitter 8%,
extraction 6%, the selection itself 5%, events 3%, quotes 3%, lemmas 3%, store 3%, tokeniser 2%,
loading the pages 5%, loading the models 4%. The bar (≥ 300 articles/s on 2 cores) allows 6.7 ms
of CPU per article, about 3.3 µs per token for every stage together; tagging alone (every
sentence: the entities read the tags) takes about 3 ms per article, and the parser on the selected
sentences about 4 ms. The ingest machinery itself (reading, gunzip, extraction, fingerprints, the
database writer) is measured separately with the hidden \`--extract-only\` flag, which stores
extracted articles without the analysis stages:

\`\`\`
$extract_only_line
\`\`\`

$warc_section

## What the store does (reference)

- **Idempotence.** An article is the same as a stored one when its canonical URL (scheme,
  \`www.\`, fragment and trailing slash ignored) or the hash of its whitespace-normalised text
  matches; it is then counted as "already stored". A re-run also skips every input (file path,
  WARC record id, JSONL line or \`id\`) recorded in the \`inputs\` table, before reading it.
- **Crash safety.** The writer commits batches (64 articles or 0.5 s) with each article in its own
  savepoint; SQLite's WAL makes each commit atomic, so a kill -9 loses at most the open batch and
  never leaves part of an article (tested by \`crates/parley_cli/tests/store_ingest.rs\`, which kills
  a real \`parley ingest\` mid-run, re-runs it, and compares every article's entity, quote and
  event-mention counts with a clean run).
- **Near-duplicates.** MinHash (64 one-permutation bins) over 5-word shingles, LSH with 8 bands × 8
  rows, verified at an estimated resemblance ≥ 0.9; an article joins the cluster of its most
  similar stored article (\`articles.cluster_id\`).
- **Event records.** Mentions merge on (day, source actor, target actor, CAMEO code, negated,
  mode): the day is the event's own date when it has day precision, else the article date; an
  actor is its CAMEO code, else its lower-cased name. NumMentions = all mentions (several in one
  article count several times), NumArticles = distinct articles with a mention, NumSources =
  distinct sources (the URL host without \`www.\`, else the site name) — GDELT 2.0's definitions.
  Near-duplicate (syndicated) copies count as articles, as in GDELT.
- **GDELT export.** The 61 columns of the GDELT 2.0 event table in order; Actor*CountryCode /
  KnownGroupCode / Type*Code are split from the CAMEO actor code; IsRootEvent = a mention in the
  first sentence; religion, ethnicity, tone and the three geographies are empty; negated events
  ("did not attack") have no GDELT encoding and are left out of that format only.
EOF
say "wrote $doc"
exit $fail
