#!/usr/bin/env python3
"""Select and excerpt ScrapingHub news pages for the entity held-out sets 4, 5, 6, 7, 8 and 9.

Rule: candidates = pages whose articleBody has >= 1,500 characters (code points);
excerpt = articleBody up to (not including) the first "\n" at or after character 2,000
(whole text if none); order = ascending hex SHA-256 of the page key (UTF-8 string).
Pages are taken in that order until the running PERSON + GPE gold count (hand annotation)
reaches the set's aim (at most 60 pages a set). This script prints every candidate in order
(position, file id = first 12 characters of the key, SHA-256 prefix, excerpt length, URL) and
writes `<file id>.txt` for N positions (argv[1], default 0) starting at FROM (argv[3], default 0)
into OUT (argv[2]).
Usage: python3 scripts/select_scrapinghub.py 21 OUT_DIR      (held-out 4: positions 0-20)
       python3 scripts/select_scrapinghub.py 25 OUT_DIR 21   (held-out 5: positions 21-45; the three
       non-English pages among them are written too but are not in the set)
       python3 scripts/select_scrapinghub.py 28 OUT_DIR 46   (held-out 6: positions 46-73; position 70,
       Korean, is written too but is not in the set)
       python3 scripts/select_scrapinghub.py 29 OUT_DIR 74   (held-out 7: positions 74-102; positions 77,
       91 and 98, German/Portuguese, are written too but are not in the set)
       python3 scripts/select_scrapinghub.py 30 OUT_DIR 103  (held-out 8: positions 103-132; positions
       106, 109, 110, 111 and 127, Italian/Indonesian/Russian/Portuguese/Korean, are written too but
       are not in the set)
       python3 scripts/select_scrapinghub.py 14 OUT_DIR 133  (held-out 9: positions 133-146, the end of
       the order; position 141, Russian, is written too but is not in the set)
PARLEY_SHARED picks the shared folder.
"""
import hashlib, json, os, sys
from pathlib import Path

shared = Path(os.environ.get("PARLEY_SHARED", Path(__file__).resolve().parent.parent.parent / "shared"))
src = shared / "eval/extraction/scrapinghub/ground-truth.json"
n = int(sys.argv[1]) if len(sys.argv) > 1 else 0
first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(".")
d = json.loads(src.read_text(encoding="utf8"))
cands = []
for key, page in d.items():
    body = page.get("articleBody") or ""
    if len(body) < 1500:
        continue
    cut = body.find("\n", 2000)
    exc = body if cut < 0 else body[:cut]
    cands.append((hashlib.sha256(key.encode("utf8")).hexdigest(), key, page.get("url", ""), exc))
cands.sort()
print(f"{len(cands)} candidates of {len(d)} pages", file=sys.stderr)
for i, (h, key, url, exc) in enumerate(cands):
    print(i, key[:12], h[:12], len(exc), url)
    if first <= i < first + n:
        p = out / f"{key[:12]}.txt"
        p.write_text(exc, encoding="utf8")
