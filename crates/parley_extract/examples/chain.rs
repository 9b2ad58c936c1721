//! Development helper: prints the element chain above the first text node containing a string.
use std::io::Read;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let raw = std::fs::read(&a[1]).unwrap();
    let mut v = Vec::new();
    if flate2::read::GzDecoder::new(&raw[..])
        .read_to_end(&mut v)
        .is_err()
    {
        v = raw;
    }
    let text = String::from_utf8_lossy(&v);
    let dom = parley_extract::html::parse(&text);
    for (i, n) in dom.nodes.iter().enumerate() {
        if n.tag == parley_extract::html::Tag::Text && n.text.contains(&a[2]) {
            let mut p = i;
            while p != 0 {
                let n = &dom.nodes[p];
                println!("{p} {:?} {:?}", n.tag, n.attrs);
                p = n.parent as usize;
            }
            break;
        }
    }
}
