//! A small HTTP server on 127.0.0.1 for the tests: each connection is read up to the end of its
//! request headers and handed to the test's handler, which writes whatever bytes it wants
//! (good pages, redirects, stalls, broken answers). Nothing leaves the machine.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use claimdesk_fetch::{FetchOptions, Limits, ProxySetting};

/// A request as the server saw it.
#[derive(Clone, Debug)]
pub struct Request {
    /// `GET /path HTTP/1.1`.
    pub line: String,
    /// The path (or the absolute address, for a proxy).
    pub target: String,
    /// Header lines as `name: value`, names in lower case.
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

type Handler = dyn Fn(std::net::TcpStream) + Send + Sync;

/// A running test server; it stops when dropped.
pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    /// Starts an HTTP server: each request's line and headers are read and recorded, and
    /// `handler` answers it on a thread of its own.
    pub fn start(handler: impl Fn(&Request, &mut TcpStream) + Send + Sync + 'static) -> Server {
        let requests: Arc<Mutex<Vec<Request>>> = Arc::default();
        let recorded = requests.clone();
        Self::start_with(requests, move |mut stream| {
            if let Some(request) = read_request(&mut stream) {
                recorded.lock().unwrap().push(request.clone());
                handler(&request, &mut stream);
            }
        })
    }

    /// Starts a server that hands each connection to `handler` as it is (for TLS).
    pub fn start_raw(handler: impl Fn(TcpStream) + Send + Sync + 'static) -> Server {
        Self::start_with(Arc::default(), handler)
    }

    fn start_with(
        requests: Arc<Mutex<Vec<Request>>>,
        handler: impl Fn(TcpStream) + Send + Sync + 'static,
    ) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let stopping = stop.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                let handler = handler.clone();
                thread::spawn(move || handler(stream));
            }
        });
        Server {
            addr,
            stop,
            requests,
        }
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// `127.0.0.1:PORT`.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The requests received so far.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accepting thread so it sees the flag.
        let _ = TcpStream::connect(self.addr);
    }
}

/// Reads one request's line and headers.
pub fn read_request(stream: &mut TcpStream) -> Option<Request> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() > 16 * 1024 || stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.split("\r\n");
    let line = lines.next()?.to_owned();
    let target = line.split(' ').nth(1)?.to_owned();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Some(Request {
        line,
        target,
        headers,
    })
}

/// Writes a complete response with a `Content-Length`.
pub fn respond(stream: &mut TcpStream, status: &str, headers: &[(&str, &str)], body: &[u8]) {
    let _ = stream.write_all(&head(status, headers, Some(body.len())));
    let _ = stream.write_all(body);
    let _ = stream.flush();
}

/// The status line and headers (with `Content-Length` when given, and `Connection: close`).
pub fn head(status: &str, headers: &[(&str, &str)], length: Option<usize>) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(n) = length {
        out.push_str(&format!("Content-Length: {n}\r\n"));
    }
    out.push_str("\r\n");
    out.into_bytes()
}

/// An HTML page served as `text/html; charset=utf-8`.
pub fn html(stream: &mut TcpStream, body: &str) {
    respond(
        stream,
        "200 OK",
        &[("Content-Type", "text/html; charset=utf-8")],
        body.as_bytes(),
    );
}

/// 2026-05-01T09:40:00Z, the clock of the tests.
pub fn test_clock() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_777_628_400)
}

/// Options for fetching from the test server: direct (whatever proxy the environment names),
/// the test clock, and the given limits.
pub fn local(limits: Limits) -> FetchOptions {
    FetchOptions {
        limits,
        proxy: ProxySetting::Direct,
        clock: test_clock,
        ..FetchOptions::default()
    }
}

/// Small limits: connect 2 s, total 5 s, 100 kB.
pub fn small_limits() -> Limits {
    Limits {
        connect: Duration::from_secs(2),
        total: Duration::from_secs(5),
        max_bytes: 100_000,
        max_redirects: 5,
    }
}

/// A gate a handler waits at until the test opens it: a stall that ends when the
/// test is done with it, with no sleep racing the client.
#[derive(Clone, Default)]
pub struct Gate(Arc<(Mutex<bool>, std::sync::Condvar)>);

impl Gate {
    /// Waits until the gate is open (at most 30 s, so a broken test cannot hang forever).
    pub fn wait(&self) {
        let (open, cv) = &*self.0;
        let guard = open.lock().unwrap();
        let _ = cv
            .wait_timeout_while(guard, Duration::from_secs(30), |open| !*open)
            .unwrap();
    }

    /// Opens the gate.
    pub fn open(&self) {
        let (open, cv) = &*self.0;
        *open.lock().unwrap() = true;
        cv.notify_all();
    }
}

/// A proxy's answer to `CONNECT`: "established", then the tunnelled request is read and
/// answered with `page`. Returns the tunnelled request.
pub fn tunnel(request: &Request, stream: &mut TcpStream, page: &str) -> Option<Request> {
    assert!(request.line.starts_with("CONNECT "), "{}", request.line);
    let _ = stream.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
    let inner = read_request(stream)?;
    html(stream, page);
    Some(inner)
}
