#!/usr/bin/env python3
"""Checks `parley analyze --date 2020-01-12` output on the seed page against issue 2 point 4 (and,
with --events, issue 5's three seed events). Every expectation is derived from the seed file's own
structure — its first line is the headline, the story runs to its "Tags …" line, the publisher is
in its "Copyright YEAR NAME" line, and every line after that is page chrome — so this script holds
no text of the page.
Usage: check_seed.py SEED.txt ANALYZE.json [--events]"""
import json, re, sys

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
story = lines[1:lines.index(tags_line)]
chrome = lines[lines.index(copyright_line) + 1:]

check(len(chrome) >= 5, f"{len(chrome)} chrome lines after the copyright line")
for c in chrome:
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

# The direct quotations all come from one official, introduced by full name and then called by
# surname or "he": each must resolve to that full name, as written in the text, with a US code.
direct = [q for q in doc["quotes"] if q["kind"] == "direct"]
names = {(q.get("speaker") or {}).get("name") for q in direct}
name = next(iter(names)) if len(names) == 1 else None
codes = {(q.get("speaker") or {}).get("code") or "" for q in direct}
check(len(direct) >= 3 and name is not None and len(name.split()) >= 2 and name in text
      and all(c.startswith("USA") for c in codes),
      f"direct quotations ({len(direct)}) attributed to one named official: {sorted(map(str, names))} {sorted(codes)}")

def ev(src, tgt, roots, date=None):
    return [e for e in doc["events"]
            if (e["source"].get("code") or "").startswith(src)
            and ((e.get("target") or {}).get("code") or "").startswith(tgt)
            and e["root"] in roots and (date is None or e.get("date") == date)]

check(bool(ev("USA", "PRK", ("03", "04"))), "an event USA… → PRK… in root 03 or 04")
if full_events:
    check(bool(ev("PRK", "USA", ("11", "12"), "2020-01-11")), "an event PRK… → USA… in root 11 or 12 dated 2020-01-11")
    check(bool(ev("PRK", "USA", ("13",))), "an event PRK… → USA… in root 13")
    channels = {q["channel"] for q in doc["quotes"] if q.get("channel")}
    outlets = [e for e in doc["events"]
               if (e.get("target") or {}).get("text") in channels
               or ((e.get("target") or {}).get("code") or "").endswith("MED")]
    check(not outlets, "no event targets the outlet that carried a statement")
    codes = {m.get("code") for e in doc["events"] for m in (e["source"], e.get("target") or {})}
    check("USAGOV" in codes and "PRKGOV" in codes, "officials coded USAGOV and PRKGOV")
print(f"seed: {len(fails)} failed")
sys.exit(1 if fails else 0)
