#!/usr/bin/env python3
"""Checks `parley analyze --date 2020-01-12` output on the seed page against issue 2 point 4 (and,
with --events, issue 5's three seed events). Expectations are derived from the seed file's own
structure (its first line is the headline; its "Tags" and "Copyright YEAR NAME" lines; the chrome
lines the issue lists), never from a copy of it.
Usage: check_seed.py SEED.txt ANALYZE.json [--events]"""
import json, re, sys

CHROME = ["Main Area Top ↴", "Testing Homepage Widget", "Main Area Middle ↴", "Most Popular",
          "Load more", "Video", "See all Video"]

seed_path, out_path = sys.argv[1], sys.argv[2]
full_events = "--events" in sys.argv
lines = [l.strip() for l in open(seed_path, encoding="utf8").read().splitlines()]
lines = [l for l in lines if l]
doc = json.load(open(out_path, encoding="utf8"))
art = doc["article"]; text = art["text"]
fails = []

def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        fails.append(what)

headline = lines[0]
tags_line = next(l for l in lines if l.startswith("Tags "))
copyright_line = next(l for l in lines if l.startswith("Copyright "))
publisher = re.match(r"Copyright \d{4} (.+?)\.? All rights", copyright_line).group(1)
story = [l for l in lines[1:lines.index(tags_line)] if l not in CHROME and "↴" not in l]

for c in CHROME:
    check(c not in text, f"chrome {c!r} not in article.text")
check(tags_line not in text and "Tags " not in text, "tags line not in article.text")
check("Copyright" not in text and "All rights reserved" not in text, "copyright line not in article.text")
ws = lambda s: re.sub(r"\s+", " ", s)  # the extractor may normalise white space (e.g. no-break spaces)
missing = [p for p in story if ws(p) not in ws(text)]
check(not missing, f"all {len(story)} story paragraphs in article.text" + (f" (missing: {missing[0][:60]}…)" if missing else ""))
check(art.get("title") == headline, "title is the headline")
tags = art.get("tags") or []
check(len(tags) >= 3 and all(t in tags_line for t in tags), f"tags from the tags line: {tags}")
check(publisher.lower() in (art.get("publisher") or "").lower(), f"publisher from the copyright line: {art.get('publisher')!r}")

def is_obrien(q):
    sp = q.get("speaker") or {}
    return re.fullmatch(r"Robert O[’']Brien", sp.get("name") or "") is not None

obrien = [q for q in doc["quotes"] if q["kind"] in ("direct", "mixed") and is_obrien(q)]
check(len(obrien) >= 3, f"O'Brien's direct quotations attributed to Robert O’Brien ({len(obrien)} found)")

def ev(src, tgt, roots, date=None):
    return [e for e in doc["events"]
            if (e["source"].get("code") or "").startswith(src)
            and ((e.get("target") or {}).get("code") or "").startswith(tgt)
            and e["root"] in roots and (date is None or e.get("date") == date)]

check(bool(ev("USA", "PRK", ("03", "04"))), "an event USA… → PRK… in root 03 or 04")
if full_events:
    check(bool(ev("PRK", "USA", ("11", "12"), "2020-01-11")), "an event PRK… → USA… in root 11 or 12 dated 2020-01-11")
    check(bool(ev("PRK", "USA", ("13",))), "an event PRK… → USA… in root 13")
    outlets = [e for e in doc["events"] if re.search(r"Axios|KCNA", (e.get("target") or {}).get("text") or "")]
    check(not outlets, "no event targets the outlet that carried a statement")
    codes = {m.get("code") for e in doc["events"] for m in (e["source"], e.get("target") or {})}
    check("USAGOV" in codes and "PRKGOV" in codes, "officials coded USAGOV and PRKGOV")
print(f"seed: {len(fails)} failed")
sys.exit(1 if fails else 0)
