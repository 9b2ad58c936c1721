#!/usr/bin/env python3
"""Event precision on ordinary pages: a hand-judged sample of parley's events, re-scored.

    scripts/eval_event_audit.py                  # ingest the 892 shared pages into a temporary
                                                 # store, score, print
    scripts/eval_event_audit.py --db DB          # score an existing store of those pages
    scripts/eval_event_audit.py --check          # CI: exit 1 below the floors (set T)

The sample (`docs/eval/event-audit/labels.tsv`, 240 events drawn at random from parley's output
on the ScrapingHub and WCXB dev pages on 2026-11-28, judged by hand with
`docs/eval/event-audit/GUIDELINES.md`) judges the ORIGINAL coding. A labelled event is "present"
in a new run when the page's article still has an event mention with the same sentence index,
verb span and CAMEO root. So a new run is scored on what it kept: precision among the present
labelled events, and how many true events it lost. Events a new run adds are not judged; the
events-per-article figure shows the volume. Set D (even sample positions) may be read to learn
error patterns; set T (odd positions) is the measure and is not read to write rules.

Shared data: ${PARLEY_SHARED:-<repo>/../shared}. Binary: $PARLEY_BIN, else target/release/parley.
Floors (--check): EVENT_AUDIT_FLOOR_PRECISION (set T precision among still-coded events;
default 0.30), EVENT_AUDIT_MAX_TRUE_LOST (true events of set T no longer coded; default 2) and
EVENT_AUDIT_MAX_PER_ARTICLE (event mentions per stored article; default 1.0).
Python 3 standard library only.
"""
import csv
import math
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PARLEY_SHARED", ROOT.parent / "shared"))
LABELS = ROOT / "docs" / "eval" / "event-audit" / "labels.tsv"
COLLECTIONS = {
    "scrapinghub": SHARED / "eval" / "extraction" / "scrapinghub" / "html",
    "wcxb": SHARED / "eval" / "extraction" / "wcxb-dev-articles" / "html",
}
GROUPS = [("01-05 verbal cooperation", 1, 5), ("06-09 material cooperation", 6, 9),
          ("10-14 verbal conflict", 10, 14), ("15-20 material conflict", 15, 20)]


def wilson(k, n, z=1.96):
    if n == 0:
        return float("nan"), float("nan")
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def fmt(k, n):
    if n == 0:
        return f"{k}/0"
    lo, hi = wilson(k, n)
    return f"{k}/{n} = {k / n:.3f} [{lo:.3f}–{hi:.3f}]"


def ingest(binary, db):
    dirs = [str(d) for d in COLLECTIONS.values()]
    subprocess.run([str(binary), "ingest", *dirs, "--db", str(db), "-q"], check=True,
                   stdout=subprocess.DEVNULL)


def mentions(db):
    """(origin file name) -> Counter of (sentence, verb_start, verb_end, root)."""
    con = sqlite3.connect(db)
    by_article = {}
    for aid, sent, vs, ve, cameo in con.execute(
            "select m.article_id, m.sentence, m.verb_start, m.verb_end, e.cameo "
            "from event_mentions m join events e on e.id = m.event_id"):
        by_article.setdefault(aid, Counter())[(sent, vs, ve, cameo[:2])] += 1
    out = {}
    for origin, aid in con.execute("select origin, article_id from inputs"):
        out[Path(origin).name] = by_article.get(aid, Counter())
    n_articles = con.execute("select count(*) from articles").fetchone()[0]
    n_mentions = con.execute("select count(*) from event_mentions").fetchone()[0]
    return out, n_articles, n_mentions


def main():
    args = sys.argv[1:]
    check = "--check" in args
    db = None
    if "--db" in args:
        db = Path(args[args.index("--db") + 1])
    if not LABELS.exists() or not all(d.is_dir() for d in COLLECTIONS.values()):
        print(f"eval_event_audit: {LABELS} or the shared pages not found; skipping")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        if db is None:
            binary = Path(os.environ.get("PARLEY_BIN", ROOT / "target" / "release" / "parley"))
            if not binary.exists():
                subprocess.run(["cargo", "build", "--release", "-p", "parley_cli"], cwd=ROOT,
                               check=True)
            db = Path(tmp) / "audit.db"
            ingest(binary, db)
        pages, n_articles, n_mentions = mentions(db)
    with open(LABELS, encoding="utf-8") as f:
        labels = list(csv.DictReader(f, delimiter="\t"))
    for lab in labels:
        have = pages.get(lab["page"].split("/", 1)[1], Counter())
        key = (int(lab["sentence"]), int(lab["verb_start"]), int(lab["verb_end"]), lab["cameo"][:2])
        lab["present"] = have[key] > 0
        if have[key] > 0:
            have[key] -= 1
    print(f"event mentions: {n_mentions} in {n_articles} articles "
          f"({n_mentions / max(n_articles, 1):.2f} per article)")
    result = {}
    for name in ("D", "T", "D+T"):
        rows = [r for r in labels if name == "D+T" or r["set"] == name]
        present = [r for r in rows if r["present"]]
        true_all = sum(r["event"] == "Y" for r in rows)
        true_kept = sum(r["event"] == "Y" for r in present)
        print(f"set {name}: {len(rows)} judged events, {len(present)} still coded")
        print(f"  event precision, as judged:      {fmt(true_all, len(rows))}")
        print(f"  event precision, still coded:    {fmt(true_kept, len(present))}")
        print(f"  true events no longer coded:     {true_all - true_kept} of {true_all}")
        for coll in COLLECTIONS:
            cr = [r for r in present if r["page"].startswith(coll + "/")]
            print(f"    {coll:12s} still coded:     {fmt(sum(r['event'] == 'Y' for r in cr), len(cr))}")
        for g, a, b in GROUPS:
            gr = [r for r in present if a <= int(r["cameo"][:2]) <= b]
            print(f"    {g:27s} {fmt(sum(r['event'] == 'Y' for r in gr), len(gr))}")
        cats = Counter(r["category"] for r in present if r["event"] != "Y")
        print("  false events still coded, by category: "
              + ", ".join(f"{c} {k}" for c, k in cats.most_common()))
        result[name] = (true_kept, len(present), true_all - true_kept)
    if check:
        floor = float(os.environ.get("EVENT_AUDIT_FLOOR_PRECISION", "0.30"))
        max_lost = int(os.environ.get("EVENT_AUDIT_MAX_TRUE_LOST", "2"))
        max_per = float(os.environ.get("EVENT_AUDIT_MAX_PER_ARTICLE", "1.0"))
        kept, n, lost = result["T"]
        prec = kept / n if n else 0.0
        per = n_mentions / max(n_articles, 1)
        if prec < floor or lost > max_lost or per > max_per:
            print(f"eval_event_audit: FAIL: set T precision {prec:.3f} (floor {floor}), "
                  f"true events lost {lost} (max {max_lost}), {per:.2f} events per article "
                  f"(max {max_per})")
            return 1
        print(f"eval_event_audit: ok (set T precision {prec:.3f} >= {floor}, lost {lost} <= "
              f"{max_lost}, {per:.2f} events per article <= {max_per})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
