//! The real binary on `claimdesk new https://…`: the page is served from 127.0.0.1 by the test
//! (never the internet), fetched once, imported as a web page, and its address kept; an address
//! that does not answer is refused in plain words with a non-zero exit.

use std::io::{Read, Write};
use std::net::TcpListener;

use crate::harness::{Dir, claimdesk};
use claimdesk_model::format::load_file;

const PAGE: &str = "<!doctype html><html><head><meta charset=utf-8>\
    <title>Bridge reopens | Test Gazette</title></head><body>\
    <nav><a href=/>Home</a> <a href=/world>World</a></nav>\
    <article><h1>Bridge reopens after repairs</h1>\
    <p>The city said the bridge cost 12 million euros to repair and reopened on Monday.</p>\
    <p>Engineers inspected every cable before the first cars crossed it in the morning.</p>\
    </article><footer>© Test Gazette</footer></body></html>";

/// Serves `body` as `content_type` to one request on a free local port; returns the address.
fn serve_once(body: &'static str, content_type: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
    });
    format!("http://127.0.0.1:{port}/news/bridge-reopens.html")
}

#[test]
fn new_from_an_address_fetches_the_page_and_keeps_its_address() {
    let dir = Dir::new();
    let address = serve_once(PAGE, "text/html; charset=utf-8");
    let out = dir.path().join("bridge.claimdesk");
    let stdout = claimdesk(["new"])
        .arg(&address)
        .arg("-o")
        .arg(&out)
        .env("NO_PROXY", "*")
        .stdout();
    assert!(stdout.contains("bridge.claimdesk"), "{stdout}");
    let review = load_file(&out).unwrap().review;
    let text = review.article.text();
    assert!(
        text.contains("The city said the bridge cost 12 million euros"),
        "{text}"
    );
    assert!(!text.contains("Home") && !text.contains("©"), "{text}");
    assert_eq!(review.details.article_url, address);
    assert_eq!(review.article.source, address);
}

#[test]
fn an_address_that_does_not_answer_is_refused_plainly() {
    // A port that was free a moment ago: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = Dir::new();
    let out = dir.path().join("none.claimdesk");
    let err = claimdesk(["new"])
        .arg(format!("http://127.0.0.1:{port}/gone"))
        .arg("-o")
        .arg(&out)
        .env("NO_PROXY", "*")
        .assert_err();
    assert!(err.contains(&format!("127.0.0.1:{port}")), "{err}");
    assert!(!out.exists());
}
