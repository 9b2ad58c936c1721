#!/usr/bin/env bash
# Speed of parley's extractor vs trafilatura on the same pages, same run, one core each.
# Usage: scripts/bench_extraction.sh [SECONDS]
# Prints "key<TAB>value" lines: pages, parley_pages_per_s, trafilatura_version,
# trafilatura_pages_per_s, ratio. trafilatura is installed in a throwaway venv under /tmp (removed
# afterwards); it is never a dependency of parley. Set BENCH_VENV to reuse an existing venv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
shared="${PARLEY_SHARED:-$root/../shared}"
pages="$shared/eval/extraction/scrapinghub/html"
secs="${1:-5}"
[ -d "$pages" ] || { echo "bench_extraction: $pages not found; skipping" >&2; exit 0; }
cd "$root"
bin="${PARLEY_BIN:-${CARGO_TARGET_DIR:-target}/release/parley}"
[ -n "${PARLEY_BIN:-}" ] || cargo build --release -q -p parley_cli || { [ -x "$bin" ] && echo "bench_extraction: build failed; using the existing $bin" >&2; } || exit 1
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
parley_out="$($pin "$bin" bench extract --pages "$pages" --seconds "$secs")"
parley_pps="$(printf '%s\n' "$parley_out" | awk -F'\t' '$1=="pages/s"{print $2}')"
n_pages="$(printf '%s\n' "$parley_out" | awk -F'\t' '$1=="pages"{print $2}')"

tmp="$(mktemp -d /tmp/parley-bench.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
venv="${BENCH_VENV:-$tmp/venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check trafilatura lxml_html_clean >&2
fi
cat > "$tmp/bench.py" <<'PY'
import gzip, sys, time, pathlib
import trafilatura
pages = [gzip.open(p).read() for p in sorted(pathlib.Path(sys.argv[1]).glob("*.html.gz"))]
secs = float(sys.argv[2])
for p in pages[:5]:
    trafilatura.extract(p, with_metadata=True)
n, t0 = 0, time.perf_counter()
while n == 0 or time.perf_counter() - t0 < secs:
    for p in pages:
        trafilatura.extract(p, with_metadata=True)
        n += 1
print(f"trafilatura_version\t{trafilatura.__version__}")
print(f"trafilatura_pages_per_s\t{n / (time.perf_counter() - t0):.1f}")
PY
traf_out="$(OMP_NUM_THREADS=1 $pin "$venv/bin/python" "$tmp/bench.py" "$pages" "$secs")"
traf_pps="$(printf '%s\n' "$traf_out" | awk -F'\t' '$1=="trafilatura_pages_per_s"{print $2}')"
printf 'pages\t%s\nparley_pages_per_s\t%s\n%s\n' "$n_pages" "$parley_pps" "$traf_out"
awk -v a="$parley_pps" -v b="$traf_pps" 'BEGIN{printf "ratio\t%.1f\n", a/b}'
