#!/usr/bin/env bash
# Named entities on parley's own annotated sample (excerpts of WCXB dev articles, annotations in
# crates/parley_entities/tests/data/wcxb{,-heldout,-heldout2,-heldout3}/ and ScrapingHub news excerpts in
# .../scrapinghub-heldout4/ … -heldout9/ (reported separately, not in the floors), protocol in
# crates/parley_entities/tests/data/README.md and docs/eval/entities.md). Runs `parley analyze` over the
# excerpts and regenerates docs/eval/entities.md (not with `--check`). `--check` exits non-zero below the regression floors
# (all sets combined, exact spans): PERSON precision >= 0.90, recall >= 0.85; GPE precision >= 0.90,
# recall >= 0.90. Issue 6's bars (PERSON and GPE precision >= 0.90, recall >= 0.85) are reported
# separately. Held-out 3 was scored once at stop 9 (first score recorded in docs/eval/entities.md) and
# is development data from stop 10 on, held-out 4 from the second stop-10 pass, held-out 5
# (.../scrapinghub-heldout5/) from the third stop-10 pass, held-outs 6 and 7 at stop 11. Held-outs 8
# and 9 were scored once at stop 11 and have not been used for development.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CHECK=0
[[ "${1:-}" == "--check" ]] && CHECK=1
DATA="$ROOT/crates/parley_entities/tests/data"
BIN="${PARLEY_BIN:-$ROOT/target/release/parley}"
if [[ ! -x "$BIN" ]]; then (cd "$ROOT" && cargo build --release -p parley_cli >&2); fi
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
python3 - "$DATA" > "$TMP/in.jsonl" <<'PY'
import json, sys
from pathlib import Path
for d in ("wcxb", "wcxb-heldout", "wcxb-heldout2", "wcxb-heldout3", "scrapinghub-heldout4", "scrapinghub-heldout5", "scrapinghub-heldout6",
          "scrapinghub-heldout7", "scrapinghub-heldout8", "scrapinghub-heldout9"):
    for p in sorted(Path(sys.argv[1], d).glob("*.txt")):
        print(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf8")}))
PY
"$BIN" analyze --input-format jsonl --format jsonl "$TMP/in.jsonl" > "$TMP/out.jsonl"
python3 - "$DATA" "$TMP/out.jsonl" "$ROOT/docs/eval/entities.md" "$CHECK" <<'PY'
import json, re, sys
from pathlib import Path
data, out, md_path, check = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4] == "1"
SCORED = ["PERSON", "GPE", "ORG"]

def gold_spans(text, ann):
    rows, excl = [], set()
    for line in ann.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("!"):
            s, n = line[1:].rsplit("@", 1); excl.add((s, int(n))); continue
        typ, surf = line.split("\t", 1)
        rows.append((typ, surf))
    cands = []
    for typ, surf in rows:
        for n, m in enumerate(re.finditer(r"(?<!\w)" + re.escape(surf) + r"(?!\w)", text), 1):
            if (surf, n) not in excl:
                cands.append((m.start(), m.end(), typ))
    cands.sort(key=lambda c: -(c[1] - c[0]))
    kept = []
    for s, e, t in cands:
        if all(e <= a or s >= b for a, b, _ in kept):
            kept.append((s, e, t))
    return {(t, s, e) for s, e, t in kept}

pred = {}
for line in open(out, encoding="utf8"):
    o = json.loads(line)
    pred[o["id"]] = {(e["type"], e["start"], e["end"]) for e in o.get("entities", []) if e["type"] in SCORED}
def score(dirs):
    stats = {t: [0, 0, 0, 0, 0] for t in SCORED}  # tp, npred, ngold, overlap tp pred, overlap tp gold
    docs, errors = 0, []
    for d in dirs:
        for txt in sorted((data / d).glob("*.txt")):
            text = txt.read_text(encoding="utf8")
            gold = {g for g in gold_spans(text, txt.with_suffix(".ann").read_text(encoding="utf8")) if g[0] in SCORED}
            p = pred.get(txt.stem, set())
            docs += 1
            for t in SCORED:
                gt = {g for g in gold if g[0] == t}; pt = {q for q in p if q[0] == t}
                stats[t][0] += len(gt & pt); stats[t][1] += len(pt); stats[t][2] += len(gt)
                stats[t][3] += sum(1 for q in pt if any(g[1] < q[2] and q[1] < g[2] for g in gt))
                stats[t][4] += sum(1 for g in gt if any(g[1] < q[2] and q[1] < g[2] for q in pt))
                for q in sorted(pt - gt): errors.append(f"{txt.stem} FP {t} {text[q[1]:q[2]]!r}")
                for g in sorted(gt - pt): errors.append(f"{txt.stem} FN {t} {text[g[1]:g[2]]!r}")
    out = {}
    for t in SCORED:
        tp, np_, ng, lp, lg = stats[t]
        P = tp / np_ if np_ else 0.0; R = tp / ng if ng else 0.0; F = 2 * P * R / (P + R) if P + R else 0.0
        out[t] = (ng, np_, P, R, F, lp / np_ if np_ else 0.0, lg / ng if ng else 0.0)
    return out, docs, errors

tables, bad, all_errors = [], [], []
ALL = ["wcxb", "wcxb-heldout", "wcxb-heldout2", "wcxb-heldout3"]
FLOORS = {"PERSON": (0.90, 0.85), "GPE": (0.90, 0.90)}  # regression floors (precision, recall)
BARS = (0.90, 0.85)  # issue 6's bars
bars_missed, combined = [], {}
for label, dirs in (("development sample (rules were written while reading its errors)", ["wcxb"]),
                    ("held-out 1 (later stretches of the development pages)", ["wcxb-heldout"]),
                    ("held-out 2 (fresh pages in 23:07's scoring; partly tuned since)", ["wcxb-heldout2"]),
                    ("held-out 3 (first score recorded at stop 9; used for development from stop 10)", ["wcxb-heldout3"]),
                    ("development + held-out 1 + held-out 2", ["wcxb", "wcxb-heldout", "wcxb-heldout2"]),
                    ("all sets combined", ALL),
                    ("held-out 4 (ScrapingHub news, annotated blind, scored once at stop 10, development data since; not in the sets above)", ["scrapinghub-heldout4"]),
                    ("held-out 5 (ScrapingHub news, annotated blind, scored once at stop 10, development data from the third stop-10 pass; not in the sets above)", ["scrapinghub-heldout5"]),
                    ("held-out 6 (ScrapingHub news, annotated blind, scored once at stop 10, development data from stop 11; not in the sets above)", ["scrapinghub-heldout6"]),
                    ("held-out 7 (ScrapingHub news, annotated blind, scored once at stop 11 after the first pass, development data in the second pass; not in the sets above)", ["scrapinghub-heldout7"]),
                    ("held-out 8 (ScrapingHub news, annotated blind, scored once at stop 11 with the rules frozen after the second pass; not in the sets above)", ["scrapinghub-heldout8"]),
                    ("held-out 9 (ScrapingHub news, annotated blind, scored once at stop 11 with the same frozen rules; not in the sets above)", ["scrapinghub-heldout9"]),
                    ("held-outs 8 and 9 together (the unseen news of stop 11)", ["scrapinghub-heldout8", "scrapinghub-heldout9"])):
    res, docs, errors = score(dirs)
    if dirs == ALL:
        all_errors = errors
        combined = res
    tables += [f"### {label}: {docs} excerpts", "",
               "| type | gold | predicted | precision | recall | F1 | overlap precision | overlap recall |",
               "|---|---|---|---|---|---|---|---|"]
    for t in SCORED:
        ng, np_, P, R, F, LP, LR = res[t]
        tables.append(f"| {t} | {ng} | {np_} | {P:.3f} | {R:.3f} | {F:.3f} | {LP:.3f} | {LR:.3f} |")
        print(f"[{dirs}] {t}: gold {ng} predicted {np_} precision {P:.3f} recall {R:.3f} F1 {F:.3f} (overlap: P {LP:.3f} R {LR:.3f})")
        if dirs == ALL and t in FLOORS:
            fp, fr = FLOORS[t]
            if P < fp or R < fr:
                bad.append(f"{t} precision {P:.3f} recall {R:.3f} (floors {fp}/{fr})")
            if P < BARS[0] or R < BARS[1]:
                bars_missed.append(f"{t} precision {P:.3f} recall {R:.3f}")
    tables.append("")
errors = all_errors
rows = tables
bars_line = ("Issue 6's bars (PERSON and GPE precision ≥ 0.90, recall ≥ 0.85, all sets combined): **NOT met** — "
             + "; ".join(bars_missed) + "." if bars_missed else
             "Issue 6's bars (PERSON and GPE precision ≥ 0.90, recall ≥ 0.85, all WCXB sets combined): met — on sets "
             "that have all been used for development, so this is no measure on unseen text. On the two newest blind "
             "news sets (held-outs 8 and 9, each scored once with the rules frozen at stop 11) both types meet them: "
             "PERSON 0.981 / 0.936, GPE 0.962 / 0.904 (the two first scores pooled); see below.")
print(bars_line.replace("**", ""))
FIRST11 = [
    "## Held-outs 8 and 9 (ScrapingHub news): first scores (static record, not regenerated)", "",
    "Held-out 8: 25 further ScrapingHub news excerpts (positions 103–132 of the same order, five",
    "non-English pages skipped; `scripts/select_scrapinghub.py 30 DIR 103`). Held-out 9: the 13",
    "remaining English excerpts (positions 133–146, one Russian page skipped;",
    "`scripts/select_scrapinghub.py 14 DIR 133`). Each was annotated by a helper who did not write the",
    "recogniser, never ran parley and did not read its rules (conventions and blindness notes in each",
    "set's README), and committed before any scoring (a44a35c, c63a8f9). The stop-11 second pass froze",
    "its rules at 06:42 UTC on 2026-11-28 without opening either set (commit e6fc906); that binary",
    "scored held-out 8 once (06:43 UTC) and held-out 9 once (06:45 UTC). Copied verbatim:", "",
    "| set | type | gold | predicted | precision | recall | F1 | overlap precision | overlap recall |",
    "|---|---|---|---|---|---|---|---|---|",
    "| held-out 8 (25) | PERSON | 174 | 162 | 0.994 | 0.925 | 0.958 | 0.994 | 0.925 |",
    "| | GPE | 101 | 91 | 0.967 | 0.871 | 0.917 | 0.967 | 0.871 |",
    "| | ORG | 142 | 179 | 0.464 | 0.585 | 0.517 | 0.514 | 0.641 |",
    "| held-out 9 (13) | PERSON | 107 | 106 | 0.962 | 0.953 | 0.958 | 0.962 | 0.953 |",
    "| | GPE | 66 | 66 | 0.955 | 0.955 | 0.955 | 0.970 | 0.970 |",
    "| | ORG | 84 | 99 | 0.545 | 0.643 | 0.590 | 0.616 | 0.702 |",
    "| both (38), pooled | PERSON | 281 | 268 | 0.981 | 0.936 | | | |",
    "| | GPE | 167 | 157 | 0.962 | 0.904 | | | |", "",
    "Earlier binaries on the same sets, scored after the first scores, for comparison only:", "",
    "| binary | held-out 8 PERSON P / R | held-out 8 GPE P / R | held-out 9 PERSON P / R | held-out 9 GPE P / R |",
    "|---|---|---|---|---|",
    "| stop 10, final | 0.994 / 0.925 | 0.935 / 0.851 | 0.962 / 0.944 | 0.940 / 0.955 |",
    "| stop 11, first pass (06:14) | 0.994 / 0.925 | 0.967 / 0.871 | 0.962 / 0.953 | 0.955 / 0.955 |",
    "| stop 11, second pass (06:42, scored) | 0.994 / 0.925 | 0.967 / 0.871 | 0.962 / 0.953 | 0.955 / 0.955 |", "",
    "So on unseen news both types meet issue 6's bars on both sets. These two sets are easier than",
    "held-out 7: the stop-10 binary already met the bars on them, and neither has a page of national",
    "teams, so the second pass's team rules are not tested by them. Read after scoring: the misses are",
    "players and coaches in sports pages (surname-only mentions, *LeBron*), Texas suburbs and foreign",
    "villages missing from the place lists, a postal state code after a city, and a prison name read",
    "as a person.", "",
    "## Held-out 7 (ScrapingHub news): first score (static record, not regenerated; development data in the second stop-11 pass)", "",
    "26 further ScrapingHub news excerpts (positions 74–102 of the same order, two German pages and one",
    "Portuguese page skipped; `scripts/select_scrapinghub.py 29 DIR 74`), annotated blind by a helper",
    "who did not write the recogniser and never ran parley (while looking for the span-resolution code",
    "the annotator printed `scripts/eval_entities.sh`, and so saw this report's text on earlier sets;",
    "see the set's README), committed (a845a85) before any scoring. The stop-11 first pass froze its",
    "rules at 06:14 UTC without opening the set (commit 3cbfc50); that binary scored it once (06:17 UTC):", "",
    "| type | gold | predicted | precision | recall | F1 | overlap precision | overlap recall |",
    "|---|---|---|---|---|---|---|---|",
    "| PERSON | 161 | 152 | 0.967 | 0.913 | 0.939 | 0.974 | 0.919 |",
    "| GPE | 89 | 121 | 0.686 | 0.933 | 0.790 | 0.686 | 0.933 |",
    "| ORG | 284 | 300 | 0.553 | 0.585 | 0.568 | 0.607 | 0.641 |", "",
    "The stop-10 final binary, scored afterwards for comparison: PERSON 0.954 / 0.901, GPE 0.644 / 0.854.",
    "GPE precision fails: 32 of the 38 GPE false positives are on one football qualifying page, where",
    "the set's conventions (written before scoring) make every country a national team (ORG); the",
    "others are *New York* in an attorney general's office, *Hollywood* (the industry), an airline",
    "(*Air Astana*), a camel-case company name and a state before an association's name.", "",
]
HISTORY11 = [
    "## Stop 11: two passes (static record)", "",
    "First pass (held-out 6 used for development; frozen 06:14 UTC, commit 3cbfc50; then held-out 7",
    "scored once): general news conventions, each tested on invented sentences in",
    "`crates/parley_entities/tests/rules_stop11.rs`: a line-start *New* kept in a listed name;",
    "*Washington, D.C.* as two places; a place or person joined by a hyphen to a lower-case word",
    "(*X-based*) dropped; *Jr./Sr.* keep their full stop; party–state tags (*(D-Ore.)*) give the state;",
    "all-caps datelines *CITY, COUNTRY* give the city; a place before a newspaper head is part of the",
    "paper, *X Attorney's Office* an organisation; sports cues *to lead X*, *X improved to N-N*; an",
    "organisation + title + name gives the person; a given name before a known surname; *Mc* surnames;",
    "an unknown single name after a closing quote and *said*; *directorate*; given names before plural",
    "nouns with speech cues; words before a US state or its abbreviation are a city; college teams.",
    "Several rest mainly on one held-out 6 page.", "",
    "Second pass (held-out 7 used for development; frozen 06:42 UTC, commit e6fc906; then held-outs 8",
    "and 9 scored once): *competition texts* (two scores or more and qualifying vocabulary) make",
    "places teams when they are the subject of *qualified/won/drew …*, either side of *v/vs*, after a",
    "result noun, or listed with a team (`rules_stop11b.rs`, with ordinary-news sentences that must stay",
    "places); offices named after places (*X State Attorney General*); *Air X* airlines; camel-case",
    "brands; a place followed by an organisation head; *Van Der* surnames; *Name, 34, of Town*.", "",
    "Exact-span precision / recall: stop-10 final binary → first pass → second pass:", "",
    "| set | PERSON | GPE |",
    "|---|---|---|",
    "| all four WCXB sets | 0.927 / 0.879 → same → same | 0.927 / 0.935 → 0.931 / 0.940 → same |",
    "| held-out 4 | 0.993 / 0.931 → same → same | 0.968 / 0.962 → 0.981 / 0.968 → same |",
    "| held-out 5 | 0.961 / 0.965 → 0.961 / 0.975 → same | 0.979 / 0.921 → 0.989 / 0.921 → same |",
    "| held-out 6 | 0.935 / 0.930 → 0.965 / 0.959 → same | 0.856 / 0.895 → 0.977 / 0.977 → same |",
    "| held-out 7 | 0.954 / 0.901 → 0.967 / 0.913 (first score) → 0.981 / 0.957 | 0.644 / 0.854 → 0.686 / 0.933 (first score) → 0.988 / 0.955 |", "",
    "The *after* figures of held-outs 6 and 7 are fitted (their errors were read). PolNeAR quote",
    "scores were identical before and after each pass.", "",
]
HISTORY2 = [
    "## History: rule changes after held-out 2 was scored (static record)", "",
    "After held-out 2's first scores, general rules were added while reading its errors (so held-out 2",
    "is not untouched: its current figures are partly tuned). Each rule is tested on sentences written",
    "for it in `crates/parley_entities/tests/rules.rs`: common-word names are not people without a given",
    "name; a name filling a quotation is a title; a capitalised word before a hyphen and a lower-case",
    "word ends the name; award/prize/festival heads end people; a person's surname that is a listed place",
    "is the person later; initials before an unknown surname make a person; an unknown single name after",
    "*in* is a place; an abbreviation's full stop before a capitalised -ed/-ing word ends the name.", "",
    "Exact-span precision / recall, binary of the unchanged tree at 23:07 UTC → after those rules:", "",
    "| set | PERSON before | PERSON after | GPE before | GPE after |",
    "|---|---|---|---|---|",
    "| held-out 2, fresh (14) | 0.673 / 0.768 | 0.851 / 0.869 | 0.850 / 0.761 | 0.902 / 0.821 |",
    "| dev + held-out 1 + held-out 2 (30) | 0.780 / 0.808 | 0.901 / 0.868 | 0.889 / 0.824 | 0.906 / 0.853 |",
    "",
]
STOP10_ROWS = [
    "| development (11) | 0.977 / 1.000 | 0.977 / 1.000 | 0.953 / 0.968 | 0.953 / 0.968 | 0.726 | 0.740 |",
    "| held-out 1 (5) | 1.000 / 0.808 | 1.000 / 0.808 | 0.714 / 0.833 | 0.714 / 0.833 | 0.452 | 0.516 |",
    "| held-out 2 (14) | 0.947 / 0.899 | 0.938 / 0.909 | 0.901 / 0.955 | 0.901 / 0.955 | 0.431 | 0.408 |",
    "| held-out 3 (83, development from stop 10) | 0.639 / 0.575 | 0.865 / 0.800 | 0.872 / 0.850 | 0.947 / 0.900 | 0.287 | 0.307 |",
    "| all four (113) | 0.861 / 0.802 | 0.927 / 0.879 | 0.900 / 0.917 | 0.927 / 0.935 | 0.348 | 0.363 |",
]
HISTORY4 = [
    "## Stop 10 pass: held-out 3 used for development (static record)", "",
    "From stop 10 held-out 3 is development data. Every PERSON and GPE error on the four sets was read",
    "by category, and parley's output (without gold) on the unannotated WCXB dev pages at positions ≥ 230",
    "of the held-out 3 order and on the PolNeAR dev news articles (no entity gold; used to catch",
    "regressions on news) was compared before and after each change. General rules and lists only, each",
    "tested on sentences written for it in `crates/parley_entities/tests/rules_stop10.rs`:", "",
    "- given names: the 1990 US Census first-name lists (public domain, `data/census_given_names.tsv`,",
    "  +3,500 names) count before a surname but not alone (*Kia*, *Stanford*); census first names that",
    "  are English words or frequent surnames (*Rose*, *Grant*, *Parker*) only before a census surname",
    "  (`data/surnames.txt`, 10,000 most frequent);",
    "- lists: a line with two commas or more is no headline; an untyped 2–3 word name listed (`,` /",
    "  *and* / `&`) next to a named person is a person (not after *in/from/at*); a middle initial",
    "  (*Dara K. Vell*) and an initial inside a given-name person make a person; a person *of* an",
    "  organisation stays a person (*… of Brookfield University*);",
    "- cues: apposition with a role also in headline-case lines (*From X Y, Chief … Officer*); a name",
    "  filling parentheses at a sentence end (cast notes); *my name is X*, *a physician named X*,",
    "  *X himself/herself* (and later mentions of X); a sentence-initial surname that the text also",
    "  capitalises mid-sentence stays a name whatever the tagger says; a given name after a hyphenated or",
    "  product word starts a person (*Runner-in-Chief Jeff …*);",
    "- not people: a given name after a capitalised *The* or a model number (*The Joel Test*, *5D Mark",
    "  IV*); a given name before a common word that the text writes in lower case and no census surname",
    "  (*Drake Tax*), or before a plural noun (*Carolina Panthers*); a name before a number (*Russell",
    "  2000*); a possessive given name before a capitalised noun (*Murray's Pizza*); a guessed name",
    "  right after *the* unless it modifies a noun (*the Breville Bambino could …* vs *the Dred Scott",
    "  case*); a title before a common word (*Expert Take*, *Mother Nature*, *Miss Universe*, *Manager",
    "  Software*); *Gen Z*; *Dr./St.* after a capitalised word is a street; a title's field after",
    "  *for*; a person word inside a longer name of dictionary words (*Keatley Medical Nutrition Therapy*);",
    "  *Act* ends laws; business heads (*Hardware*, *Counseling*, *Supply* …); in a headline-case line a",
    "  role noun before a word that is no census surname (*Lawmakers Rip …*, *Doctor Says*); an all-caps",
    "  word before a comma and a capitalised word is a dateline, not a speaker label (*HEMPSTEAD, N.Y.*);",
    "- spans: role words before a person listed in the actor dictionary are not the name (*Secretary of",
    "  State John Kerry*, *German Chancellor Angela Merkel* → the name); *Gov.* + no-break space joins;",
    "- places: *Northern/Southern … X* is a region (LOC); *University of X at Y*, *X Department of Y*,",
    "  *X Health San Antonio* are organisations; *U.S.* before an acronym stays a place (*U.S. EV",
    "  market*); unambiguous US state codes alone (*in NY*, *NY Governor*; not *CT*, *SD*); *U.S*.", "",
    "Rules were frozen at 03:45:05 UTC on 2026-11-28 (binary built 03:47:06). Exact-span precision /",
    "recall, binary of the tree at the start of this pass (02:53 UTC) → frozen binary:", "",
    "| set | PERSON before | PERSON after | GPE before | GPE after | ORG F1 before | ORG F1 after |",
    "|---|---|---|---|---|---|---|",
    *STOP10_ROWS,
    "",
    "On the PolNeAR dev news articles (84, no entity gold) the PERSON/GPE output gained 35 spans and lost",
    "53 (before → after); by reading, every gain is right and every loss was wrong (a wrong span, a",
    "place nested in an organisation's name, or a name replaced by its corrected span): titles dropped",
    "from names (*Prime Minister Matteo Renzi* → *Matteo",
    "Renzi*), people found after *Mr.*, as *X of NBC News*, *Hope Hicks*, *Lily Batchelder*; headline",
    "pieces, datelines, sports teams and *Miss Universe* no longer people; place names",
    "nested in organisation names (*U.S. Court of Appeals*) no longer GPE. PolNeAR quote scores were",
    "identical before and after.", "",
]
HISTORY6 = [
    "## Stop 10, third pass (held-out 5 used for development) (static record)", "",
    "After its first score, held-out 5 (ScrapingHub news) became development data. Its PERSON and GPE",
    "errors were read by category and fixed by general rules only, each tested on sentences written for",
    "it in `crates/parley_entities/tests/rules_stop10c.rs`; parley's output on the PolNeAR dev news",
    "articles (no entity gold) was compared before and after:", "",
    "- datelines: a line opening with one to three capitalised words, a comma and an AP state",
    "  abbreviation before a dash or a bracket (*HILLSBORO, Ore. (AP) —*) is a city and a state (GPE,",
    "  the abbreviation with its full stop); the city named again in mixed case is the place;",
    "- sport (a text with two sports words or more; the list now also holds *tennis*, *soccer*,",
    "  *doubles*, *assists*, *saves* …): a place acting as a team is an organisation — subject of",
    "  *beat/defeated/plays/faces/takes on/lost to/drew with*, before a score or a record (*3-1*,",
    "  *(2-0)*), object of *beat/d./against/champion/takes on*, after *win/victory/loss over/at/to/for*,",
    "  a possessive before a team noun or a player (*Peru's hopes*, *Chile's Marco Diaz*), before a",
    "  sports role (*X quarterback*, *X soccer player*); its other mentions in the text follow (not after",
    "  *in/near/from/of*);",
    "- results rows: in a sports text, the capitalised words opening a row or clause before a number",
    "  and a stat noun (*Dunsby 8 points.*, *K. Fennimore 2 goals*) are a player; a surname no name",
    "  covers before *ran/threw/rushed/passed for* + a number is a player;",
    "- people: a capitalised common noun before a given name and a surname is a role (*Employee Dana",
    "  Mills* → *Dana Mills*); a name shaped like a person's (inner capitals, a two-capital initial, no",
    "  organisation head or dictionary word) listed next to a named person is a person, and its",
    "  surname alone later too (*Chris MeiLan Tsao, Iain WR Dunmore, and Owen Dempsey*);",
    "- places and organisations: a listed place before a role and a person's name is kept as a place",
    "  (*US President Donald Trump* → GPE *US*); *Northern/Southern/… District of X* is a court (ORG);",
    "  outlet heads *Chronicle*, *Telegraph*, *Observer* …; places: US cities with a compass word",
    "  (*West Palm Beach*, *East Lansing* …) and mountain ranges (*Sierra Nevada*, *Andes* …).", "",
    "Rules were frozen at 04:47:42 UTC on 2026-11-28 (binary built then, copied as the frozen binary",
    "that regenerated this report). Exact-span precision / recall, binary of the tree at the start of",
    "this pass (04:33 UTC) → frozen binary:", "",
    "| set | PERSON before | PERSON after | GPE before | GPE after | ORG F1 before | ORG F1 after |",
    "|---|---|---|---|---|---|---|",
    "| all four WCXB sets (113) | 0.927 / 0.879 | 0.927 / 0.879 | 0.927 / 0.935 | 0.927 / 0.935 | 0.363 | 0.363 |",
    "| held-out 4 (21) | 0.993 / 0.931 | 0.993 / 0.931 | 0.968 / 0.949 | 0.968 / 0.962 | 0.561 | 0.561 |",
    "| held-out 5 (22, development from this pass) | 0.940 / 0.777 | 0.961 / 0.965 | 0.741 / 0.851 | 0.979 / 0.921 | 0.437 | 0.590 |",
    "",
    "Every WCXB set is unchanged. The held-out 5 *after* figures are fitted figures (its errors were",
    "read), not a measure on unseen news: the fresh held-out 6 was then scored once with the frozen",
    "binary. On the PolNeAR dev news articles the PERSON/GPE/ORG output lost 8 spans and gained 10, all",
    "right by reading (datelines *NEWPORT NEWS, Va.*, *FAIRVIEW, W.Va.*; *Miss Universe Alicia Machado*",
    "→ *Alicia Machado*; *Eastern District of New York* a court; *Charlotte Observer* an outlet).",
    "PolNeAR quote scores (direct F1 0.942, speaker 0.887; all F1 0.639) and PLOVER-GSR event scores",
    "(type recall 0.816, precision 0.763, source 0.625, target 0.653) were identical before and after;",
    "`parley bench quotes` ran at about 36,000 sentences/s.", "",
]
HISTORY5 = [
    "## Stop 10, second pass (held-out 4 used for development) (static record)", "",
    "After its first score, held-out 4 (ScrapingHub news) became development data. Its PERSON and GPE",
    "errors were read by category and fixed by general rules only, each tested on sentences written for",
    "it in `crates/parley_entities/tests/rules_stop10b.rs`; parley's output on the PolNeAR dev news",
    "articles (no entity gold) was compared before and after:", "",
    "- a short all-caps code (2–3 letters, no listed name) before a given-name person in a table row is",
    "  no part of the name (*QB Dana Fellows 61 …*); two capitalised words between such a code and a",
    "  number are the row's person;",
    "- after a role noun and *to* (*envoy to France Wang Qiming*), or before a given name and a surname",
    "  that is no word, a listed place followed by a 2–3 word name is the place and a person;",
    "- two listed places joined by a hyphen are two places (*US-China*, *Cairo-Amman*); a",
    "  three-letter hyphenated part that is no common word stays in the name (*Cheuk Hau-yip*);",
    "- in a text about team sport (two sports words or more: *league*, *striker*, *club*, *match* …) a",
    "  place with a club word (*Manchester United*, *FC Porto*, *Inter Milan*, *Real Madrid*) is an",
    "  organisation, and so is a place listed next to one; listed names (*Mexico City*) stay places;",
    "- a given name that is also a word (*Will*) before a surname that is no word, when the two speak",
    "  or carry a role (*Will Moy said*, *Will Moy, chief executive …*), is a person;",
    "- a listed acronym opening a sentence (*US troops …*) is a name, not the pronoun *us*;",
    "- lists: scientists' role nouns (*geologist*, *astronomer* …), organisation heads *Design*,",
    "  *Designs*, *Architects*; *area*, *region*, *governorate*, *neighbourhood*, *suburb* after an",
    "  unknown name make a place.", "",
    "Rules were frozen at 04:08:20 UTC on 2026-11-28 (binary built 04:08:55). The lead then scored the",
    "fresh held-out 5 set once with that binary (its first score is recorded above). Exact-span precision / recall, binary of the tree at",
    "the start of this pass (03:51 UTC) → frozen binary:", "",
    "| set | PERSON before | PERSON after | GPE before | GPE after | ORG F1 before | ORG F1 after |",
    "|---|---|---|---|---|---|---|",
    "| development (11) | 0.977 / 1.000 | 0.977 / 1.000 | 0.953 / 0.968 | 0.953 / 0.968 | 0.740 | 0.740 |",
    "| held-out 1 (5) | 1.000 / 0.808 | 1.000 / 0.808 | 0.714 / 0.833 | 0.714 / 0.833 | 0.516 | 0.516 |",
    "| held-out 2 (14) | 0.938 / 0.909 | 0.938 / 0.909 | 0.901 / 0.955 | 0.901 / 0.955 | 0.408 | 0.408 |",
    "| held-out 3 (83) | 0.865 / 0.800 | 0.865 / 0.800 | 0.947 / 0.900 | 0.947 / 0.900 | 0.307 | 0.308 |",
    "| all four WCXB sets (113) | 0.927 / 0.879 | 0.927 / 0.879 | 0.927 / 0.935 | 0.927 / 0.935 | 0.363 | 0.363 |",
    "| held-out 4 (21, development from this pass) | 0.975 / 0.819 | 0.993 / 0.931 | 0.909 / 0.892 | 0.968 / 0.949 | 0.503 | 0.561 |",
    "",
    "The held-out 4 *after* figures are fitted figures (its errors were read), not a measure on unseen",
    "news. On the PolNeAR dev news articles the PERSON/GPE/ORG output changed in three spans, all",
    "right by reading (*Park* → *Park Geun-hye*, *Uptown* a place). PolNeAR quote scores and PLOVER-GSR",
    "event scores were identical before and after.", "",
]
HISTORY3 = [
    "## Pass before held-out 3 (static record)", "",
    "Error analysis by category on the three existing sets and on ~100 unannotated WCXB dev pages (hash",
    "positions ≥ 230 of the held-out 3 order below, never annotated, so they cannot enter a test set),",
    "then general rules and lexicons only (no entry keyed to a benchmark page; each rule has sentences",
    "written for it in `tests/rules.rs`):", "",
    "- products and brands are not people: a word with a digit or an inner capital (*Px7*, *AirPods*;",
    "  surname prefixes *Mc/Mac/De/O'* excepted), a product suffix (*Pro*, *Mini*, *Edition*), a",
    "  hyphenated common word (*Dress-Up*, *Rent-A-Car*);",
    "- a guessed person (no given name, title or speech verb) must contain no dictionary word: a new",
    "  English word list (`data/english_words.txt`, SCOWL via Debian `wamerican`) catches *Cellar Beast*,",
    "  *Raspberry Pi*, *Noble Desktop*; a guessed name repeated in full ≥ 3 times and more often than any",
    "  of its words alone is a brand (*Ars Technica*); people are called by their surname after the first",
    "  mention;",
    "- facility heads (*Airport*, *Street*, *Palace*, *Bridge*, *Memorial* …) make LOC, not people;",
    "  venue first words (*Le*, *Casa*, *Chez* …) are not people; a title ending a run names no one; the",
    "  field after *Professor of …* is no person; transcript speaker labels (*NAME:*) are people;",
    "- given names: 450 → 1,270 (drawn from common public knowledge; names that are common words or",
    "  places left out); places: 469 → 1,280 (US, world cities, regions, neighbourhoods; US state codes",
    "  after *City,* ; *heights* as a GPE head; *Downtown Denver* is the place; *University of X, Y* and",
    "  *Washington, D.C.* merge); organisation heads (*Electric*, *Health*, *Dental*, *Publishing* …);",
    "  role nouns (*chef*, *grandma*, *pastor* …); given-name people take at most three words unless an",
    "  initial or a particle follows (*Lucia de la Vega*), and two-particle names stay whole.", "",
    "Rules were frozen at 01:06 UTC (binary built then); held-out 3 was then selected, annotated and",
    "scored once with that binary, with no change afterwards.", "",
    "Exact-span precision / recall, binary of the tree before this pass (00:10 UTC) → frozen binary:", "",
    "| set | PERSON before | PERSON after | GPE before | GPE after | ORG before | ORG after |",
    "|---|---|---|---|---|---|---|",
    "| development (11) | 0.976 / 0.976 | 0.977 / 1.000 | 0.951 / 0.921 | 0.953 / 0.968 | 0.688 / 0.768 | 0.688 / 0.768 |",
    "| held-out 1 (5) | 1.000 / 0.692 | 1.000 / 0.808 | 0.500 / 0.500 | 0.714 / 0.833 | 0.412 / 0.500 | 0.412 / 0.500 |",
    "| held-out 2 (14) | 0.851 / 0.869 | 0.947 / 0.899 | 0.902 / 0.821 | 0.901 / 0.955 | 0.448 / 0.306 | 0.493 / 0.388 |",
    "| held-out 3 (83, fresh) | 0.238 / 0.613 | 0.639 / 0.575 | 0.829 / 0.850 | 0.861 / 0.850 | 0.198 / 0.367 | 0.210 / 0.450 |",
    "| all four (113) | 0.529 / 0.785 | 0.861 / 0.802 | 0.876 / 0.852 | 0.896 / 0.917 | 0.265 / 0.412 | 0.272 / 0.482 |",
    "",
    "(The *before* column for held-out 3 was computed after its first score, for comparison only.)", "",
]
md = ["# Entities: parley's annotated sample", "",
      "Regenerated by `scripts/eval_entities.sh` (do not edit by hand).", "",
      "Sample: excerpts of the gold `main_content` of WCXB dev article pages (CC-BY-4.0, see",
      "`crates/parley_entities/tests/data/README.md`), stored with their annotations in",
      "`crates/parley_entities/tests/data/wcxb/` (development: 11 excerpts, the opening 1,500–3,500",
      "characters), `.../wcxb-heldout/` (held-out 1: 5 later stretches of pages of the development set,",
      "annotated after the rules were frozen), `.../wcxb-heldout2/` (held-out 2: the opening",
      "~1,800–2,500 characters of 14 further pages — reviews, culture, travel, food, tech — annotated by a",
      "second helper before parley's output on them was looked at) and `.../wcxb-heldout3/` (held-out 3:",
      "83 pages chosen by a deterministic rule, annotated after the rules were frozen and before parley's",
      "output on them was looked at; selection rule in the data README; first score recorded at stop 9,",
      "used for development from stop 10). The WCXB dev article split has",
      "almost no news: held-out 3 is mostly product reviews, guides and company pages, with many product",
      "and brand names and few people. Held-out 4 (`.../scrapinghub-heldout4/`, 21 excerpts of",
      "ScrapingHub benchmark news pages, MIT) was annotated blind by a second helper and scored once at",
      "stop 10; held-outs 5–9 (`.../scrapinghub-heldout5/` … `-heldout9/`, the following pages of the",
      "same deterministic order, to the end of the benchmark) were made the same way, each scored once",
      "after a rule freeze; see their sections below.", "",
      "## Protocol", "",
      "- Annotated by hand by the helper that wrote the recogniser, reading each excerpt before looking at",
      "  parley's output on it; annotations were not edited after scoring.",
      "- Types: PERSON (people, by full name, surname or given name; fictional characters and stage names",
      "  too; titles such as *Dr*, *Officer* and *Sen.* excluded), GPE (countries, states, cities, villages,",
      "  neighbourhoods and administrative units, also as modifiers: *Texas plumbers*, *U.S. stocks*), ORG",
      "  (companies, agencies, media, universities, bands, programmes run by organisations). LOC (continents,",
      "  regions, mountains, lakes) and OTHER (products, software, laws, events, buildings, shows, report",
      "  and book titles) are annotated only so that names nested inside them are not counted; they are not",
      "  scored.",
      "- Spans: the name itself, without a leading *the* or a possessive *'s*; a name nested in a longer",
      "  name belongs to the longer one (*New York* in *New York Times* is not a GPE), but a name used as a",
      "  modifier of a common noun counts (*Stanford students*: ORG *Stanford*).",
      "- Format (`*.ann`): `TYPE<TAB>surface` marks every whole-word occurrence of the surface not inside",
      "  a longer annotated span; `!surface@n` excludes its n-th occurrence (e.g. *Korea* in *Korea-born*).",
      "- Held-out 2 conventions (same protocol, choices written down before scoring): galleries,",
      "  restaurants, streaming services, magazines and programmes (*U.S. in Progress*) are ORG; festivals,",
      "  airports, podcasts, books, films, essays and genres are OTHER; historical regions that are",
      "  administrative units (*Kefa*) are GPE; *Arabia*, *Red Sea*, *Americas* are LOC. Held-out 3 follows",
      "  the same conventions (products and software OTHER; a brand used for its company ORG).",
      "- Scoring: exact type and span (code-point offsets), micro-averaged; *overlap* columns count a",
      "  prediction (or gold span) as matched when it overlaps one of the same type.", "",
      "## Results", "", *rows,
      bars_line, "",
      "`--check` floors (regression guards on all sets combined, below today's figures): PERSON precision",
      "≥ 0.90, recall ≥ 0.85; GPE precision ≥ 0.90, recall ≥ 0.90.", "",
      "All four sets have now been used for development: their figures measure regressions, not",
      "performance on unseen text. The only unseen-text figures are the first scores recorded below",
      "(held-out 3 at stop 9: PERSON 0.639 / 0.575, GPE 0.861 / 0.850; held-out 4 at stop 10: PERSON",
      "0.975 / 0.819, GPE 0.909 / 0.892; held-out 5 at stop 10: PERSON 0.940 / 0.777, GPE 0.741 / 0.851;",
      "held-out 6 at stop 10: PERSON 0.935 / 0.930, GPE 0.856 / 0.895; held-out 7 at stop 11: PERSON",
      "0.967 / 0.913, GPE 0.686 / 0.933; held-out 8 at stop 11: PERSON 0.994 / 0.925, GPE 0.967 / 0.871;",
      "held-out 9 at stop 11: PERSON 0.962 / 0.953, GPE 0.955 / 0.955). Held-outs 4–9 are reported",
      "separately and are not in the floors. Held-outs 4–7 each became development data after their",
      "first score, so their current tables are fitted; held-outs 8 and 9 have been scored once and no",
      "rule has been written from them. Pooled over the first scores of held-outs 6, 7 and 8 (each",
      "scored with the rules frozen just before it), GPE precision is 0.82 (248 of 302), mostly from",
      "one football page of held-out 7 where every country is a national team: the spread between",
      "sets is wide, and sports pages with national teams remain the known risk.", "",
      *FIRST11,
      "## Held-out 6 (ScrapingHub news): first score (static record, not regenerated; development data from stop 11)", "",
      "27 further ScrapingHub news excerpts (positions 46–73 of the same order, the Korean page skipped;",
      "`crates/parley_entities/tests/data/scrapinghub-heldout6/README.md`, excerpts regenerated",
      "byte-identically by `scripts/select_scrapinghub.py 28 DIR 46`), annotated by a fourth helper who",
      "did not write the recogniser, never ran parley on them and did not read its rules; committed",
      "(5df3cfb) before any scoring. The third stop-10 pass froze its rules at 04:47:42 UTC without",
      "opening this set; the frozen binary was then scored once (04:49 UTC). Earlier binaries for",
      "comparison:", "",
      "| type | gold | predicted | precision | recall | F1 | overlap precision | overlap recall |",
      "|---|---|---|---|---|---|---|---|",
      "| PERSON | 171 | 170 | 0.935 | 0.930 | 0.933 | 0.947 | 0.942 |",
      "| GPE | 86 | 90 | 0.856 | 0.895 | 0.875 | 0.889 | 0.942 |",
      "| ORG | 259 | 254 | 0.602 | 0.591 | 0.596 | 0.685 | 0.668 |", "",
      "| binary | PERSON P / R | GPE P / R | ORG F1 |",
      "|---|---|---|---|",
      "| stop 9 | 0.926 / 0.883 | 0.772 / 0.826 | 0.565 |",
      "| stop 10, second pass (04:08) | 0.929 / 0.924 | 0.784 / 0.884 | 0.580 |",
      "| stop 10, third pass (04:47, scored) | 0.935 / 0.930 | 0.856 / 0.895 | 0.596 |", "",
      "On unseen news PERSON meets the bars (precision 0.935, recall 0.930) and GPE recall does (0.895);",
      "GPE precision (0.856) does not. Read after scoring: the GPE false positives are team names in an",
      "NHL results page (*New York*, *Boston*, *Florida*), *Hollywood* (the industry, LOC in the gold),",
      "span differences (*Washington, DC* as one span, *DELHI* inside the dateline *NEW DELHI*, *York*",
      "cut from *New York*), and places inside hyphenated compounds that the conventions leave out",
      "(*South Dakota-sized*, *Amritsar-based*).", "",
      "## Held-out 5 (ScrapingHub news): first score (static record, not regenerated; development data from the third stop-10 pass)", "",
      "22 further ScrapingHub news excerpts (positions 21–45 of the same order, non-English pages",
      "skipped; `crates/parley_entities/tests/data/scrapinghub-heldout5/README.md`, excerpts regenerated",
      "byte-identically by `scripts/select_scrapinghub.py 25 DIR 21`), annotated by a third helper who",
      "did not write the recogniser and never ran parley on them; committed (cfd35c4) before any scoring.",
      "The second stop-10 pass froze its rules at 04:08:20 UTC; that helper had, by a directory wildcard,",
      "seen three of this set's annotation lines and a pooled list of hyphenated words, and dropped the one",
      "rule that list could bear on. The frozen binary was then scored once (04:12 UTC); the binaries of",
      "the first stop-10 pass and of stop 9 are given for comparison:", "",
      "| type | gold | predicted | precision | recall | F1 | overlap precision | overlap recall |",
      "|---|---|---|---|---|---|---|---|",
      "| PERSON | 202 | 167 | 0.940 | 0.777 | 0.851 | 0.952 | 0.787 |",
      "| GPE | 101 | 116 | 0.741 | 0.851 | 0.793 | 0.750 | 0.861 |",
      "| ORG | 156 | 146 | 0.452 | 0.423 | 0.437 | 0.479 | 0.449 |", "",
      "| binary | PERSON P / R | GPE P / R | ORG F1 |",
      "|---|---|---|---|",
      "| stop 9 | 0.925 / 0.792 | 0.714 / 0.842 | 0.442 |",
      "| stop 10, first pass (03:45) | 0.940 / 0.777 | 0.739 / 0.842 | 0.437 |",
      "| stop 10, second pass (04:08, scored) | 0.940 / 0.777 | 0.741 / 0.851 | 0.437 |", "",
      "So on unseen news the bars are **not** met: PERSON precision 0.940 passes, recall 0.777 does not;",
      "GPE recall 0.851 passes, precision 0.741 does not. Read after scoring: most GPE false positives are",
      "countries and schools named for their teams (a Davis Cup report: *Spain*, *Croatia* …; high-school",
      "and college sport), which this set's conventions, written before scoring, make ORG; the PERSON",
      "misses are mostly surname-only players in a sports results page, and names in unusual shapes",
      "(*Chris RuiWen Kuo*, *Struan WA Wilkie*), titles before names (*Employee Steve Castro*), and",
      "datelines in capitals (*HAYWARD, Calif.*).", "",
      "## Held-out 4 (ScrapingHub news): first score (static record, not regenerated)", "",
      "21 opening excerpts of ScrapingHub benchmark news pages (MIT; selection rule and conventions in",
      "`crates/parley_entities/tests/data/scrapinghub-heldout4/README.md`, regenerated byte-identically by",
      "`scripts/select_scrapinghub.py 21 DIR`), annotated by a helper who did not write the recogniser and",
      "never ran parley on them; the annotations were committed (5894a7c) before any scoring. The",
      "recogniser's rules were frozen at 03:45:05 UTC on 2026-11-28 by a helper who never read these pages;",
      "the frozen binary was then scored once; no rule had been changed because of this set before that",
      "score (it is development data from the second stop-10 pass on, see below). Copied verbatim (the",
      "binary of stop 9 scored on the same set, for comparison, in the second table):", "",
      "| type | gold | predicted | precision | recall | F1 | overlap precision | overlap recall |",
      "|---|---|---|---|---|---|---|---|",
      "| PERSON | 144 | 121 | 0.975 | 0.819 | 0.891 | 0.983 | 0.826 |",
      "| GPE | 157 | 154 | 0.909 | 0.892 | 0.900 | 0.909 | 0.892 |",
      "| ORG | 137 | 209 | 0.416 | 0.635 | 0.503 | 0.455 | 0.686 |", "",
      "| type (stop 9 binary) | gold | predicted | precision | recall | F1 | overlap precision | overlap recall |",
      "|---|---|---|---|---|---|---|---|",
      "| PERSON | 144 | 122 | 0.926 | 0.785 | 0.850 | 0.984 | 0.833 |",
      "| GPE | 157 | 154 | 0.909 | 0.892 | 0.900 | 0.909 | 0.892 |",
      "| ORG | 137 | 208 | 0.418 | 0.635 | 0.504 | 0.457 | 0.686 |", "",
      "On unseen news, GPE meets the bars (precision 0.909, recall 0.892) and PERSON precision does",
      "(0.975), but PERSON recall (0.819) is below 0.85. Read after scoring: most PERSON misses are one",
      "roster table whose rows start with a position code (*DL*, *LB*) that is taken into an ORG span (10",
      "spans), fictional characters of a game review (7), and a Chinese name after a country name with no",
      "comma (*Britain Liu Xiaoming* read as one ORG); GPE misses are hyphenated pairs (*US-China*,",
      "*Baghdad-Damascus*), Afghan villages, and GPE false positives are football clubs named for cities.", "",
      "The sample is small (one annotator per set, no adjudication); treat differences of a few points as",
      "noise. The held-out 1 excerpts are later stretches of pages whose people were first named before",
      "the excerpt, so surname-only mentions there have no full name to link to.", "",
      "## Held-out 3: first score (static record, not regenerated)", "",
      "Selected, annotated, then scored once with the frozen binary (built at 01:06 UTC on 2026-11-28 from",
      "the tree whose rules are described below); no rule was changed between its annotation and this",
      "scoring (rules changed from stop 10 on, when the set became development data). Copied verbatim:", "",
      "| type | gold | predicted | precision | recall | F1 | overlap precision | overlap recall |",
      "|---|---|---|---|---|---|---|---|",
      "| PERSON | 80 | 72 | 0.639 | 0.575 | 0.605 | 0.681 | 0.600 |",
      "| GPE | 80 | 79 | 0.861 | 0.850 | 0.855 | 0.861 | 0.850 |",
      "| ORG | 371 | 796 | 0.210 | 0.450 | 0.286 | 0.270 | 0.580 |", "",
      "So on unseen WCXB pages parley does **not** meet the bars: PERSON precision 0.639 and recall 0.575,",
      "GPE precision 0.861 (recall 0.850 meets its bar). The PERSON errors on held-out 3 are mostly people",
      "named once without a listed given name (*Angélica Amezcua*, *Subbu Sthanu*, *Rhazes*), stage names",
      "(*ELUCID*, *DJ Haram*), given names missing from the list (*Gaz*, *Bryon*), and products, companies",
      "or Latin names taken for people (*Drake Tax*, *John Hancock* the insurer, *Coffea Arabica*).",
      "The ORG type over-predicts on product pages (product names are OTHER in the gold).", "",
      "## Held-out 2: first scores (static record, not regenerated)", "",
      "Scored once with the recogniser as it stood when the set was annotated (binary built from the",
      "unchanged tree at 23:07 UTC on 2026-11-27), before any rule was changed; copied here verbatim:", "",
      "| type | gold | predicted | precision | recall | F1 | overlap precision | overlap recall |",
      "|---|---|---|---|---|---|---|---|",
      "| PERSON | 99 | 113 | 0.673 | 0.768 | 0.717 | 0.726 | 0.828 |",
      "| GPE | 67 | 60 | 0.850 | 0.761 | 0.803 | 0.850 | 0.761 |",
      "| ORG | 85 | 46 | 0.391 | 0.212 | 0.275 | 0.457 | 0.247 |", "",
      *HISTORY11, *HISTORY6, *HISTORY5, *HISTORY4, *HISTORY3, *HISTORY2,
      "## Remaining errors (all sets)", "", "```", *errors[:300], "```", "",
      "Reproduce: `scripts/eval_entities.sh` (runs `target/release/parley analyze --input-format jsonl",
      "--format jsonl` over the excerpts and scores the `entities`; `PARLEY_BIN` picks another binary).", ""]
if not check:  # `--check` leaves the committed report alone
    open(md_path, "w").write("\n".join(md))
for e in errors: print(e)
if bad:
    print("eval_entities: below floor: " + "; ".join(bad), file=sys.stderr)
    if check:
        sys.exit(1)
PY
