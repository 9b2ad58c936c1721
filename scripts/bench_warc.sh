#!/usr/bin/env bash
# WARC benchmark: builds a ~2 GB WARC in a temporary folder from the shared extraction pages,
# repeated with changed URLs (each pass gets its own host), ingests it with `parley ingest`, and
# compares with an ingest of the same pages as a folder: peak memory (RSS), pages/s, and how the
# repeats fold (duplicates, stored articles).
#
#   scripts/bench_warc.sh            # measure; rewrites the WARC section of docs/eval/ingest.md
#   scripts/bench_warc.sh --check    # also exit 1 when peak RSS > 1 GB, pages/s < 80% of the
#                                    # folder run, or the repeats are not folded
#   WARC_GB=0.5 scripts/bench_warc.sh   # a smaller WARC
#   WARC_GZ=1 scripts/bench_warc.sh     # per-record gzip members (.warc.gz, the CC-NEWS layout)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="${PARLEY_SHARED:-$here/../../shared}"
check=0
[[ "${1:-}" == "--check" ]] && check=1
gb="${WARC_GB:-2}"
gzip_records="${WARC_GZ:-0}"

dirs=("$shared/eval/extraction/scrapinghub/html" "$shared/eval/extraction/wcxb-dev-articles/html")
for d in "${dirs[@]}"; do
  [[ -d "$d" ]] || { echo "bench_warc: $d not found; skipping"; exit 0; }
done
bin="${PARLEY_BIN:-$root/target/release/parley}"
[[ -x "$bin" ]] || (cd "$root" && cargo build --release -p parley_cli >&2)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$bin" "$tmp/parley"
bin="$tmp/parley"
ext=warc; [[ "$gzip_records" == 1 ]] && ext=warc.gz
warc="$tmp/bench.$ext"

python3 - "$warc" "$gb" "$gzip_records" "${dirs[@]}" <<'PY'
import gzip, sys, uuid, glob, os, shutil
out, gb, gz, dirs = sys.argv[1], float(sys.argv[2]), sys.argv[3] == "1", sys.argv[4:]
one_pass = out.replace("bench.", "one-pass.")
pages = []
for d in dirs:
    for f in sorted(glob.glob(os.path.join(d, "*.html.gz"))):
        pages.append((os.path.basename(f)[:-8], gzip.open(f).read()))
target = int(gb * 1e9)
written = 0
rep = 0
n = 0
with open(out, "wb") as w:
    while written < target:
        for pid, body in pages:
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
            uri = f"https://mirror{rep}.example.net/news/{pid}"
            head = (
                "WARC/1.0\r\nWARC-Type: response\r\n"
                f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=n + 1)}>\r\n"
                "WARC-Date: 2024-01-01T00:00:00Z\r\n"
                f"WARC-Target-URI: {uri}\r\n"
                "Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n"
            ).encode()
            rec = head + http + b"\r\n\r\n"
            w.write(gzip.compress(rec, 1) if gz else rec)
            written += len(rec)
            n += 1
            if written >= target:
                break
        rep += 1
        if rep == 1:
            w.flush()
            with open(out, "rb") as src, open(one_pass, "wb") as dst:
                shutil.copyfileobj(src, dst)
print(f"{written / 1e9:.2f} GB of records, {rep} passes over {len(pages)} pages", file=sys.stderr)
PY
size=$(stat -c %s "$warc")
records=$(grep -c -a '^WARC/1.0' "$warc" 2>/dev/null || true)
[[ "$gzip_records" == 1 ]] && records=$(python3 -c "import gzip; print(gzip.open('$warc').read().count(b'WARC/1.0\r\n'))")
npages=0
for d in "${dirs[@]}"; do npages=$((npages + $(find "$d" -type f -name '*.html.gz' | wc -l))); done

measure() { # label db inputs... → prints "secs rss_kb" and saves stdout
  local label="$1" db="$2"; shift 2
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$tmp/$label.time" "$bin" ingest "$@" --db "$db" -q > "$tmp/$label.out"
  t1=$(date +%s.%N)
  local rss
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/$label.time")
  echo "$(python3 -c "print(f'{$t1 - $t0:.2f}')") $rss"
}

read -r fsecs frss < <(measure folder "$tmp/folder.db" "${dirs[@]}")
fstored=$(sed -n 's/^ingested \([0-9]*\) articles.*/\1/p' "$tmp/folder.out")
fdups=$(sed -n 's/^already stored: \([0-9]*\)$/\1/p' "$tmp/folder.out")
fskipped=$(sed -n 's/^skipped: \([0-9]*\)$/\1/p' "$tmp/folder.out")
read -r osecs orss < <(measure onepass "$tmp/onepass.db" "${warc/bench./one-pass.}")
ostored=$(sed -n 's/^ingested \([0-9]*\) articles.*/\1/p' "$tmp/onepass.out")
odups=$(sed -n 's/^already stored: \([0-9]*\)$/\1/p' "$tmp/onepass.out")
oskipped=$(sed -n 's/^skipped: \([0-9]*\)$/\1/p' "$tmp/onepass.out")
opps=$(python3 -c "print(f'{$npages / $osecs:.0f}')")
oratio=$(python3 -c "print(f'{$fsecs / $osecs:.2f}')")
orss_mb=$((orss / 1024))
osize=$(stat -c %s "${warc/bench./one-pass.}")
read -r wsecs wrss < <(measure warc "$tmp/warc.db" "$warc")
wstored=$(sed -n 's/^ingested \([0-9]*\) articles.*/\1/p' "$tmp/warc.out")
wdups=$(sed -n 's/^already stored: \([0-9]*\)$/\1/p' "$tmp/warc.out")
wskipped=$(sed -n 's/^skipped: \([0-9]*\)$/\1/p' "$tmp/warc.out")
wpages=$(sed -n 's/^ingested .* from \([0-9]*\) pages.*/\1/p' "$tmp/warc.out")
fpps=$(python3 -c "print(f'{$npages / $fsecs:.0f}')")
wpps=$(python3 -c "print(f'{$wpages / $wsecs:.0f}')")
wmbps=$(python3 -c "print(f'{$size / 1e6 / $wsecs:.0f}')")
ratio=$(python3 -c "print(f'{($wpages / $wsecs) / ($npages / $fsecs):.2f}')")
frss_mb=$((frss / 1024)); wrss_mb=$((wrss / 1024))
cat "$tmp/warc.out"
echo "bench_warc: folder: $npages pages, $fstored stored, ${fsecs}s, $fpps pages/s, peak RSS ${frss_mb} MB"
echo "bench_warc: one-pass WARC (same $npages pages once, $((osize / 1000000)) MB): $ostored stored, ${osecs}s, $opps pages/s, peak RSS ${orss_mb} MB; speed relative to the folder run $oratio"
echo "bench_warc: WARC $((size / 1000000)) MB, $records records: $wstored stored, $wdups folded as duplicates, $wskipped skipped, ${wsecs}s, $wpps pages/s ($wmbps MB/s), peak RSS ${wrss_mb} MB; pages/s ratio WARC/folder $ratio"

fail=0
if [[ $check -eq 1 ]]; then
  [[ $wrss -le 1048576 ]] || { echo "bench_warc: FAIL: peak RSS ${wrss_mb} MB > 1 GB"; fail=1; }
  python3 -c "import sys; sys.exit(0 if $ratio >= 0.8 else 1)" || { echo "bench_warc: FAIL: WARC pages/s is $ratio of the folder run"; fail=1; }
  python3 -c "import sys; sys.exit(0 if $oratio >= 0.8 else 1)" || { echo "bench_warc: FAIL: the one-pass WARC runs at $oratio of the folder run's speed"; fail=1; }
  [[ "$wstored" -le "$fstored" ]] || { echo "bench_warc: FAIL: repeats not folded ($wstored stored vs $fstored)"; fail=1; }
  exit $fail
fi

doc="$root/docs/eval/ingest.md"
[[ -f "$doc" ]] || printf '# Ingest: evaluation\n\n<!-- warc -->\n<!-- /warc -->\n' > "$doc"
section=$(cat <<EOF
<!-- warc -->
## A ~2 GB WARC (scripts/bench_warc.sh, $(date -u +%Y-%m-%d))

Built in a temporary folder from the $npages shared pages: $records HTTP response records
($([[ "$gzip_records" == 1 ]] && echo "per-record gzip members, " )$((size / 1000000)) MB), the pages repeated pass after pass, each pass under a
different host name (changed URLs, same HTML). Ingested with \`parley ingest FILE --db DB\` on
$(nproc) cores, then compared with \`parley ingest\` of the same pages as folders (fresh database each).

| run | pages read | stored | folded as duplicates | skipped | wall | pages/s | peak RSS |
|---|---|---|---|---|---|---|---|
| folders | $npages | $fstored | $fdups | $fskipped | ${fsecs} s | $fpps | ${frss_mb} MB |
| one-pass WARC (the same pages once, $((osize / 1000000)) MB) | $npages | $ostored | $odups | $oskipped | ${osecs} s | $opps | ${orss_mb} MB |
| WARC | $wpages | $wstored | $wdups | $wskipped | ${wsecs} s | $wpps ($wmbps MB/s) | ${wrss_mb} MB |

Pages/s of the 2 GB WARC run relative to the folder run: **$ratio** (bar: ≥ 0.8). Like for
like — the same $npages pages once, as a WARC instead of files, so that every record goes through
every stage — the WARC run's speed relative to the folder run is **$oratio**. Peak memory
(maximum resident set size from \`/usr/bin/time -v\`): **${wrss_mb} MB** (bar: ≤ 1024 MB). Every
repeat after the first pass is folded by the content hash of its extracted text before the
analysis stages run (the WARC's repeats are therefore cheaper than first sightings; the first
pass costs what the folder run costs).
<!-- /warc -->
EOF
)
python3 - "$doc" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
if "<!-- warc -->" in text:
    text = re.sub(r"<!-- warc -->.*?<!-- /warc -->", lambda m: section, text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
echo "bench_warc: updated $doc"
