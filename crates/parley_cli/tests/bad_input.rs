//! Every bad input has a defined outcome: a one-line error naming the input and the problem with
//! exit code 2 — or, in JSONL mode, an error record for that line while the rest are processed.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn parley(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parley"));
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("spawn parley");
    if let Some(data) = stdin {
        use std::io::Write;
        let mut sin = child.stdin.take().unwrap();
        let data = data.to_vec();
        std::thread::spawn(move || {
            let _ = sin.write_all(&data);
        });
    }
    child.wait_with_output().expect("wait for parley")
}

/// Asserts exit code 2 and a single stderr line that names `name` and contains `problem`.
fn check_error(out: &Output, name: &str, problem: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "exit code; stderr: {err}");
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected, got: {err}"
    );
    assert!(err.contains(name), "error should name {name}: {err}");
    assert!(err.contains(problem), "error should say {problem:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

fn write(dir: &Path, name: &str, data: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, data).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn empty_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "empty.html", b"");
    check_error(&parley(&["analyze", &p], None), "empty.html", "empty");
    let p = write(dir.path(), "blank.txt", b"  \n\n\t ");
    check_error(&parley(&["extract", &p], None), "blank.txt", "empty");
}

#[test]
fn binary_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let data: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let p = write(dir.path(), "image.png", &data);
    check_error(&parley(&["analyze", &p], None), "image.png", "binary");
}

#[test]
fn invalid_utf8_text_page_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = b"Ministers met on Friday.\nThe talks went well, \xff\xfe they said.\n".to_vec();
    data.extend_from_slice(b"More text follows here.\n");
    let p = write(dir.path(), "latin.txt", &data);
    check_error(
        &parley(&["analyze", &p], None),
        "latin.txt",
        "invalid UTF-8 at byte",
    );
}

#[test]
fn oversized_file_is_an_error_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.html");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap(); // sparse: 50 MB of zeros, cheap to make
    let p = p.to_string_lossy().into_owned();
    check_error(&parley(&["analyze", &p], None), "huge.html", "page limit");
    // The same cap holds on standard input.
    let big = vec![b'a'; 17 * 1024 * 1024];
    check_error(
        &parley(&["analyze", "-"], Some(&big)),
        "standard input",
        "page limit",
    );
}

#[test]
fn directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().to_string_lossy().into_owned();
    check_error(&parley(&["analyze", &p], None), &p, "directory");
    check_error(
        &parley(&["analyze", "--input-format", "jsonl", &p], None),
        &p,
        "directory",
    );
}

#[test]
fn missing_file_is_an_error() {
    check_error(
        &parley(&["analyze", "no/such/page.html"], None),
        "no/such/page.html",
        "no such file",
    );
    check_error(
        &parley(&["extract", "no/such/page.html"], None),
        "no/such/page.html",
        "no such file",
    );
}

#[test]
fn bad_date_is_an_error() {
    let out = parley(
        &["analyze", "--date", "12/01/2020", "-"],
        Some(b"Talks resumed."),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn malformed_jsonl_lines_get_error_records_and_the_rest_is_processed() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Officials met on Monday.\", \"date\": \"2021-03-04\"}\n",
        "{\"id\": \"b\", \"text\": \n",
        "not json at all\n",
        "{\"id\": \"c\"}\n",
        "{\"id\": \"d\", \"text\": \"Bad date.\", \"date\": \"yesterday\"}\n",
        "\n",
        "{\"id\": 5, \"text\": \"The last record.\"}\n",
    );
    let mut bytes = input.as_bytes().to_vec();
    bytes.extend_from_slice(b"{\"id\": \"e\", \"text\": \"caf\xe9\"}\n");
    let out = parley(
        &[
            "analyze",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "-",
        ],
        Some(&bytes),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summary: Vec<(String, bool)> = lines
        .iter()
        .map(|v| (v["id"].to_string(), v.get("error").is_some()))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("\"a\"".to_string(), false),
            ("null".to_string(), true),
            ("null".to_string(), true),
            ("\"c\"".to_string(), true),
            ("\"d\"".to_string(), true),
            ("5".to_string(), false),
            ("null".to_string(), true),
        ]
    );
    assert_eq!(lines[0]["article"]["text"], "Officials met on Monday.");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[6]["error"]
        .as_str()
        .unwrap()
        .contains("invalid UTF-8"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("5 of 7 records"));
}

#[test]
fn extract_many_files_reports_each_failure_and_continues() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.html", b"<html><body><h1>Title here</h1><p>A paragraph of article text that is long enough to keep.</p></body></html>");
    let bad = write(dir.path(), "bad.html", b"");
    let out = parley(
        &["extract", "--format", "jsonl", &good, &bad, "missing.html"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["path"], good.as_str());
    assert!(lines[1]["error"].as_str().unwrap().contains("empty"));
    assert!(lines[2]["error"].as_str().unwrap().contains("no such file"));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 2);
}

#[test]
fn gzip_pages_are_read_transparently_and_truncated_gzip_is_an_error() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(b"<html><body><h1>Ministers meet</h1><p>The ministers met on Tuesday to discuss the border and agreed to meet again.</p></body></html>").unwrap();
    let gz = enc.finish().unwrap();
    let p = write(dir.path(), "page.html.gz", &gz);
    let out = parley(&["extract", "--format", "text", &p], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("agreed to meet again"));
    let t = write(dir.path(), "cut.html.gz", &gz[..gz.len() / 2]);
    check_error(&parley(&["extract", &t], None), "cut.html.gz", "gzip");
}
