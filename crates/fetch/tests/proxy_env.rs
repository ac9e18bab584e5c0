//! The proxy environment variables are honoured by the default options: `HTTP_PROXY`,
//! `https_proxy` (lower case too) and `NO_PROXY`. One test in a binary of its own, because it
//! changes the process's environment.

mod common;

use std::sync::{Arc, Mutex};

use claimdesk_fetch::{FetchOptions, Flow, ProxySetting, fetch};
use common::{Server, html, small_limits, test_clock, tunnel};

const PAGE: &str = "<!doctype html><p>Through the proxy.</p>";
const NAMES: [&str; 8] = [
    "ALL_PROXY",
    "all_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "NO_PROXY",
    "no_proxy",
];

fn set(name: &str, value: Option<&str>) {
    // SAFETY: this binary has one test, so no other thread reads or writes the environment
    // while it runs.
    unsafe {
        match value {
            Some(v) => std::env::set_var(name, v),
            None => std::env::remove_var(name),
        }
    }
}

#[test]
fn proxy_variables_from_the_environment_are_used() {
    for name in NAMES {
        set(name, None);
    }
    let tunnelled = Arc::new(Mutex::new(Vec::new()));
    let seen = tunnelled.clone();
    let proxy = Server::start(move |r, s| seen.lock().unwrap().extend(tunnel(r, s, PAGE)));
    let direct = Server::start(|_, s| html(s, "<p>Direct.</p>"));
    let options = FetchOptions {
        limits: small_limits(),
        clock: test_clock,
        ..FetchOptions::default()
    };
    assert_eq!(options.proxy, ProxySetting::FromEnvironment);
    let get = |url: &str| fetch(url, &options, &mut |_| Flow::Continue).unwrap().bytes;

    set("HTTP_PROXY", Some(&proxy.url("")));
    assert_eq!(get("http://article.example/story"), PAGE.as_bytes());
    assert_eq!(proxy.requests().len(), 1);
    assert_eq!(tunnelled.lock().unwrap()[0].line, "GET /story HTTP/1.1");

    set("NO_PROXY", Some("localhost,127.0.0.1"));
    assert_eq!(get(&direct.url("/")), b"<p>Direct.</p>");
    assert_eq!(proxy.requests().len(), 1, "NO_PROXY: not through the proxy");
    assert_eq!(direct.requests().len(), 1);

    set("HTTP_PROXY", None);
    set("https_proxy", Some(&proxy.url("")));
    assert_eq!(get("http://article.example/other"), PAGE.as_bytes());
    assert_eq!(proxy.requests().len(), 2, "lower-case https_proxy");
    assert_eq!(tunnelled.lock().unwrap()[1].line, "GET /other HTTP/1.1");

    set("https_proxy", None);
    set("NO_PROXY", None);
    assert_eq!(get(&direct.url("/")), b"<p>Direct.</p>");
    assert_eq!(proxy.requests().len(), 2, "no variable: direct");
}
