//! Fuzz target for the linguistic core: arbitrary bytes as text (with paragraph spans derived from
//! the input) and as CoNLL-U must never panic, and offsets must stay inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parley_core::Span;
use parley_text::{conllu, Analyzer};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analyzer = Analyzer::new();
    let n = text.chars().count();
    // paragraph spans from the first bytes, possibly out of range or overlapping
    let paras: Vec<Span> = data
        .chunks(2)
        .take(4)
        .map(|c| {
            let a = *c.first().unwrap_or(&0) as usize;
            let b = *c.get(1).unwrap_or(&0) as usize;
            Span { start: a.min(b), end: a.max(b) }
        })
        .collect();
    for spans in [&[][..], &paras[..]] {
        let sents = analyzer.analyze(&text, spans);
        for s in &sents {
            assert!(s.start <= s.end && s.end <= n);
            assert!(s.tokens.len() <= parley_text::tokenize::MAX_SENT_TOKENS);
            for t in &s.tokens {
                assert!(s.start <= t.start && t.start < t.end && t.end <= s.end);
                assert!(t.head.iter().all(|&h| h < s.tokens.len()));
            }
        }
    }
    let (sents, _) = conllu::parse(&text);
    for s in &sents {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let out = analyzer.analyze_words(&words);
        assert_eq!(out.len(), words.len());
    }
    let _ = conllu::write(&sents);
});
