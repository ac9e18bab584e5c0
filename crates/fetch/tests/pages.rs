//! Fetching pages that arrive: what comes back (bytes, address, type, charset, time, hash),
//! redirects, compression, other media types. Every page is served from 127.0.0.1.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use claimdesk_fetch::{
    Accept, CharsetSource, FetchError, Flow, ProxySetting, Stage, WebKind, fetch, sha256_hex,
};
use common::{Server, html, local, respond, small_limits, tunnel};
use flate2::Compression;
use flate2::write::GzEncoder;

const PAGE: &str = "<!doctype html><title>Story</title><p>The mayor said it.</p>";

fn go(url: &str) -> Result<claimdesk_fetch::Fetched, FetchError> {
    fetch(url, &local(small_limits()), &mut |_| Flow::Continue)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn a_page_comes_back_with_its_provenance() {
    let server = Server::start(|_, s| html(s, PAGE));
    let mut seen = Vec::new();
    let page = fetch(&server.url("/story"), &local(small_limits()), &mut |p| {
        seen.push(p);
        Flow::Continue
    })
    .unwrap();
    assert_eq!(page.bytes, PAGE.as_bytes());
    assert_eq!(page.requested, server.url("/story"));
    assert_eq!(page.address, server.url("/story"));
    assert!(page.redirects.is_empty(), "{:?}", page.redirects);
    assert_eq!(page.status, 200);
    assert_eq!(page.media_type(), Some("text/html"));
    assert_eq!(page.header_charset(), Some("utf-8"));
    assert_eq!(page.web_kind(), Some(WebKind::Html));
    assert_eq!(page.fetched_at, "2026-05-01T09:40:00Z");
    assert_eq!(page.sha256, sha256_hex(PAGE.as_bytes()));
    assert_eq!(page.sha256.len(), 64);
    // The last report before the end, if any came, never claims more than arrived.
    assert!(seen.iter().all(|p| p.received <= PAGE.len() as u64));
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].line, "GET /story HTTP/1.1");
    let agent = requests[0].header("user-agent").unwrap_or_default();
    assert!(agent.starts_with("Claimdesk/"), "{agent}");
}

#[test]
fn redirects_are_followed_and_recorded() {
    let server = Server::start(|r, s| match r.target.as_str() {
        "/old" => respond(s, "301 Moved Permanently", &[("Location", "/older")], b""),
        "/older" => {
            let to = format!("http://{}/new?x=1", r.header("host").unwrap());
            respond(s, "302 Found", &[("Location", &to)], b"")
        }
        "/new?x=1" => html(s, PAGE),
        _ => respond(s, "404 Not Found", &[], b""),
    });
    let page = go(&server.url("/old#top")).unwrap();
    assert_eq!(page.bytes, PAGE.as_bytes());
    assert_eq!(page.requested, server.url("/old"));
    assert_eq!(page.address, server.url("/new?x=1"));
    assert_eq!(page.redirects, [server.url("/old"), server.url("/older")]);
}

#[test]
fn a_redirect_loop_ends_at_the_limit() {
    let server = Server::start(|_, s| respond(s, "302 Found", &[("Location", "/loop")], b""));
    let err = go(&server.url("/loop")).unwrap_err();
    assert!(
        matches!(err, FetchError::TooManyRedirects { limit: 5 }),
        "{err:?}"
    );
    assert!(err.to_string().contains("more than 5 times"), "{err}");
    let requests = server.requests().len();
    assert!((5..=7).contains(&requests), "{requests} requests");
}

#[test]
fn a_charset_given_only_in_the_header_comes_through() {
    // "café “quoted”" in windows-1252; the page itself declares nothing.
    let body: &[u8] = b"<html><body><p>caf\xE9 \x93quoted\x94</p></body></html>";
    let server = Server::start(move |_, s| {
        respond(
            s,
            "200 OK",
            &[("Content-Type", "text/html; charset=windows-1252")],
            body,
        )
    });
    let page = go(&server.url("/")).unwrap();
    assert_eq!(page.bytes, body, "the bytes are not decoded or changed");
    assert_eq!(page.header_charset(), Some("windows-1252"));
    let decided = page.charset().unwrap();
    assert_eq!(decided.encoding, encoding_rs::WINDOWS_1252);
    assert_eq!(decided.source, CharsetSource::Header);
    let (text, _, errors) = decided.encoding.decode(&page.bytes);
    assert!(!errors);
    assert!(text.contains("café “quoted”"), "{text}");
}

#[test]
fn a_gzip_page_arrives_decompressed() {
    let long_page = PAGE.repeat(200);
    let packed = gzip(long_page.as_bytes());
    assert!(packed.len() < long_page.len() / 10);
    let server = Server::start(move |r, s| {
        assert!(
            r.header("accept-encoding")
                .unwrap_or_default()
                .contains("gzip")
        );
        respond(
            s,
            "200 OK",
            &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            &packed,
        )
    });
    let page = go(&server.url("/")).unwrap();
    assert_eq!(page.bytes, long_page.as_bytes());
    assert_eq!(page.sha256, sha256_hex(long_page.as_bytes()));
}

#[test]
fn another_media_type_is_not_a_web_page_unless_anything_is_accepted() {
    let pdf: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n";
    let server = Server::start(move |_, s| {
        respond(s, "200 OK", &[("Content-Type", "application/pdf")], pdf)
    });
    let err = go(&server.url("/report.pdf")).unwrap_err();
    match &err {
        FetchError::NotWebPage {
            media_type,
            address,
        } => {
            assert_eq!(media_type, "application/pdf");
            assert_eq!(address, &server.url("/report.pdf"));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("application/pdf"), "{err}");

    let mut options = local(small_limits());
    options.accept = Accept::Anything;
    let doc = fetch(&server.url("/report.pdf"), &options, &mut |_| {
        Flow::Continue
    })
    .unwrap();
    assert!(!doc.is_web_page());
    assert_eq!(doc.media_type(), Some("application/pdf"));
    assert_eq!(doc.bytes, pdf);
}

#[test]
fn plain_text_and_untyped_html_are_web_pages() {
    let server = Server::start(|r, s| match r.target.as_str() {
        "/notes.txt" => respond(s, "200 OK", &[("Content-Type", "text/plain")], b"Notes."),
        _ => respond(s, "200 OK", &[], PAGE.as_bytes()),
    });
    let text = go(&server.url("/notes.txt")).unwrap();
    assert_eq!(text.web_kind(), Some(WebKind::PlainText));
    let untyped = go(&server.url("/untyped")).unwrap();
    assert_eq!(untyped.content_type, None);
    assert_eq!(untyped.web_kind(), Some(WebKind::Html));
}

#[test]
fn an_untyped_binary_is_not_a_web_page() {
    let server = Server::start(|_, s| respond(s, "200 OK", &[], b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
    let err = go(&server.url("/image")).unwrap_err();
    assert!(matches!(err, FetchError::NotWebPage { .. }), "{err:?}");
}

#[test]
fn progress_reports_what_arrived_of_what_was_announced() {
    let body = vec![b'a'; 50_000];
    let expected = body.clone();
    let server =
        Server::start(move |_, s| respond(s, "200 OK", &[("Content-Type", "text/plain")], &body));
    let mut seen = Vec::new();
    let page = fetch(&server.url("/"), &local(small_limits()), &mut |p| {
        seen.push(p);
        Flow::Continue
    })
    .unwrap();
    assert_eq!(page.bytes, expected);
    // Reports and the result travel in one queue, so every report is seen before the end.
    let receiving: Vec<_> = seen
        .iter()
        .filter(|p| p.stage == Stage::Receiving)
        .collect();
    assert_eq!(receiving.first().map(|p| p.received), Some(0));
    assert_eq!(receiving.last().map(|p| p.received), Some(50_000));
    for pair in receiving.windows(2) {
        assert!(pair[0].received <= pair[1].received);
    }
    for p in &receiving {
        assert_eq!(p.expected, Some(50_000));
    }
}

#[test]
fn an_explicit_proxy_is_asked_for_the_site() {
    let tunnelled = Arc::new(Mutex::new(None));
    let seen = tunnelled.clone();
    let proxy = Server::start(move |r, s| *seen.lock().unwrap() = tunnel(r, s, PAGE));
    let mut options = local(small_limits());
    options.proxy = ProxySetting::Address(proxy.url(""));
    let page = fetch("http://article.example/story", &options, &mut |_| {
        Flow::Continue
    })
    .unwrap();
    assert_eq!(page.bytes, PAGE.as_bytes());
    assert_eq!(page.address, "http://article.example/story");
    assert_eq!(
        proxy.requests()[0].line,
        "CONNECT article.example:80 HTTP/1.1"
    );
    let inner = tunnelled
        .lock()
        .unwrap()
        .clone()
        .expect("a request through the tunnel");
    assert_eq!(inner.line, "GET /story HTTP/1.1");
    assert_eq!(inner.header("host"), Some("article.example"));
}
