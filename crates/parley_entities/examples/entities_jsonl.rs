//! Runs the text analyser and the recogniser over JSONL records `{"id", "text"}` (one per line on
//! standard input) and prints `{"id", "entities": [{"type", "start", "end", "text"}]}` per record,
//! the way `parley analyze --input-format jsonl` does for entities (no article date). A quick loop
//! for rule work: `cargo run --release -p parley_entities --example entities_jsonl < in.jsonl`.

use std::io::{BufRead, Write};

use parley_core::{CharIndex, Span};

/// Paragraphs of a verbatim text: runs of lines separated by blank lines (as the pipeline does).
fn paragraph_spans(text: &str) -> Vec<Span> {
    let idx = CharIndex::new(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(idx.span_of_bytes(s, last_end));
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            start.get_or_insert(pos + lead);
            last_end = pos + content.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(idx.span_of_bytes(s, last_end));
    }
    out
}

fn main() {
    let analyzer = parley_text::Analyzer::new();
    let dict = parley_actors::ActorDict::builtin();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let id = v["id"].clone();
        let text = v["text"].as_str().unwrap_or("").to_string();
        let sents = analyzer.analyze(&text, &paragraph_spans(&text));
        let a = parley_entities::recognize(&text, &sents, dict, None);
        let ents: Vec<serde_json::Value> = a
            .entities
            .iter()
            .map(|e| {
                serde_json::json!({"type": e.kind.as_str(), "start": e.start, "end": e.end, "text": e.text})
            })
            .collect();
        let _ = writeln!(out, "{}", serde_json::json!({"id": id, "entities": ents}));
    }
}
