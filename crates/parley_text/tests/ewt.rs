//! Accuracy on UD English-EWT dev when `../shared` is present (skipped otherwise). The floors sit a
//! little under the measured figures (docs/eval/parsing.md) so that a broken model or feature
//! function fails here, not only in `scripts/eval_parsing.sh --check`.

use parley_text::{eval, train, Analyzer};

#[test]
fn ewt_dev_accuracy() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu"
    );
    if !std::path::Path::new(path).exists() {
        println!("skipped: {path} not found");
        return;
    }
    let (sents, diags) = train::read_conllu(path).unwrap();
    assert!(diags.is_empty());
    let a = Analyzer::new();
    assert!(
        a.models().diagnostics.is_empty(),
        "{:?}",
        a.models().diagnostics
    );
    let s = eval::eval_parse(&a, &sents);
    assert!(s.upos >= 0.94, "UPOS {}", s.upos);
    assert!(s.uas >= 0.83, "UAS {}", s.uas);
    assert!(s.las >= 0.80, "LAS {}", s.las);
    assert!(s.lemma >= 0.95, "lemma {}", s.lemma);
    let raw = eval::rebuild_text(&sents);
    let (_, _, f1) = eval::sentence_f1(&a, &raw, true);
    assert!(f1 >= 0.90, "sentence F1 {f1}");
}
