//! Every way a fetch fails that can be made on this machine: error statuses, refused, name not
//! found, time limits (connect and total), size limits (announced, streamed, gzip bomb), a
//! connection closed early, cancel. Servers run on 127.0.0.1; stalls wait at a [`Gate`] the
//! test opens when done, so no sleep races the client.

mod common;

use std::io::Write;
use std::net::TcpListener;
use std::time::{Duration, Instant};

use claimdesk_fetch::{FetchError, Flow, Limits, Stage, TimeoutStage, fetch};
use common::{Gate, Server, head, local, respond, small_limits};
use flate2::Compression;
use flate2::write::GzEncoder;

fn go_with(url: &str, limits: Limits) -> FetchError {
    fetch(url, &local(limits), &mut |_| Flow::Continue).expect_err("the fetch should fail")
}

fn go(url: &str) -> FetchError {
    go_with(url, small_limits())
}

#[test]
fn not_found_and_server_errors_name_their_status() {
    let server = Server::start(|r, s| match r.target.as_str() {
        "/gone" => respond(
            s,
            "404 Not Found",
            &[("Content-Type", "text/html")],
            b"<h1>no</h1>",
        ),
        "/forbidden" => respond(s, "403 Forbidden", &[], b""),
        _ => respond(s, "503 Service Unavailable", &[], b""),
    });
    for (path, code, words) in [
        ("/gone", 404, "There is no page at"),
        ("/forbidden", 403, "refuses to show"),
        ("/busy", 503, "had a problem"),
    ] {
        let err = go(&server.url(path));
        match &err {
            FetchError::Status {
                status, address, ..
            } => {
                assert_eq!(*status, code);
                assert_eq!(address, &server.url(path));
            }
            other => panic!("{path}: {other:?}"),
        }
        let message = err.to_string();
        assert!(message.contains(words), "{message}");
        assert!(message.contains(&code.to_string()), "{message}");
    }
}

#[test]
fn a_port_with_no_listener_refuses() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let err = go(&format!("http://127.0.0.1:{port}/"));
    match &err {
        FetchError::Refused { host } => assert_eq!(host, &format!("127.0.0.1:{port}")),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("refused the connection"), "{err}");
}

#[test]
fn a_reserved_invalid_name_is_not_found_at_once() {
    let started = Instant::now();
    let err = go("http://nonexistent.invalid/story");
    assert!(
        matches!(&err, FetchError::NameNotFound { host } if host == "nonexistent.invalid"),
        "{err:?}"
    );
    assert!(err.to_string().contains("No site is called"), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "no lookup, no wait"
    );
}

#[test]
fn a_page_that_never_finishes_hits_the_total_limit() {
    let gate = Gate::default();
    let waiting = gate.clone();
    let server = Server::start(move |_, s| {
        let _ = s.write_all(&head(
            "200 OK",
            &[("Content-Type", "text/html")],
            Some(1000),
        ));
        let _ = s.write_all(b"<p>The first words, then nothing");
        waiting.wait();
    });
    let limits = Limits {
        total: Duration::from_millis(400),
        ..small_limits()
    };
    let started = Instant::now();
    let err = go_with(&server.url("/"), limits);
    assert!(
        matches!(
            err,
            FetchError::TimedOut {
                stage: TimeoutStage::Total,
                limit
            } if limit == Duration::from_millis(400)
        ),
        "{err:?}"
    );
    assert!(started.elapsed() >= Duration::from_millis(400));
    assert!(started.elapsed() < Duration::from_secs(5), "bounded");
    gate.open();
}

#[test]
fn a_page_that_trickles_hits_the_total_limit() {
    let gate = Gate::default();
    let waiting = gate.clone();
    let server = Server::start(move |_, s| {
        let _ = s.write_all(&head("200 OK", &[("Content-Type", "text/plain")], None));
        // One byte every 20 ms (each read succeeds, so no per-read limit would end it), for
        // at most 10 s.
        for _ in 0..500 {
            if s.write_all(b"x").is_err() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        waiting.wait();
    });
    let limits = Limits {
        total: Duration::from_millis(500),
        ..small_limits()
    };
    let err = go_with(&server.url("/"), limits);
    assert!(
        matches!(
            err,
            FetchError::TimedOut {
                stage: TimeoutStage::Total,
                ..
            }
        ),
        "{err:?}"
    );
    gate.open();
}

/// A listener whose accept queue is full: a new connection attempt gets no answer (Linux drops
/// the SYN), so connecting waits, as it does for a site that is down or filtered.
#[cfg(unix)]
fn full_listener() -> (TcpListener, Vec<std::net::TcpStream>) {
    use std::os::fd::FromRawFd;
    // SAFETY: plain socket calls on a new descriptor that `TcpListener` then owns.
    let listener = unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
        assert!(fd >= 0);
        let mut addr: libc::sockaddr_in = std::mem::zeroed();
        addr.sin_family = libc::AF_INET as libc::sa_family_t;
        addr.sin_addr.s_addr = u32::from_ne_bytes([127, 0, 0, 1]);
        let len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
        assert_eq!(libc::bind(fd, (&raw const addr).cast(), len), 0);
        assert_eq!(libc::listen(fd, 0), 0);
        TcpListener::from_raw_fd(fd)
    };
    let addr = listener.local_addr().unwrap();
    let mut fillers = Vec::new();
    for _ in 0..64 {
        match std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(300)) {
            Ok(s) => fillers.push(s),
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => return (listener, fillers),
            Err(e) => panic!("filling the queue: {e}"),
        }
    }
    panic!("the accept queue never filled");
}

#[cfg(unix)]
#[test]
fn a_connection_that_gets_no_answer_hits_the_connect_limit() {
    let (listener, _fillers) = full_listener();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let limits = Limits {
        connect: Duration::from_millis(300),
        ..small_limits()
    };
    let err = go_with(&url, limits);
    assert!(
        matches!(
            err,
            FetchError::TimedOut {
                stage: TimeoutStage::Connect,
                limit
            } if limit == Duration::from_millis(300)
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("did not answer within 300 ms"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn cancel_works_while_still_connecting() {
    let (listener, _fillers) = full_listener();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let mut stages = Vec::new();
    let started = Instant::now();
    let err = fetch(&url, &local(small_limits()), &mut |p| {
        stages.push(p.stage);
        Flow::Stop
    })
    .unwrap_err();
    assert!(matches!(err, FetchError::Cancelled), "{err:?}");
    assert_eq!(stages, [Stage::Connecting]);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "cancelled before the connect limit"
    );
}

#[test]
fn cancel_midway_through_the_page() {
    let gate = Gate::default();
    let waiting = gate.clone();
    let server = Server::start(move |_, s| {
        let _ = s.write_all(&head(
            "200 OK",
            &[("Content-Type", "text/html")],
            Some(50_000),
        ));
        let _ = s.write_all(&[b'a'; 1000]);
        let _ = s.flush();
        waiting.wait();
    });
    let mut last = 0;
    let err = fetch(&server.url("/"), &local(small_limits()), &mut |p| {
        last = p.received;
        if p.received > 0 {
            Flow::Stop
        } else {
            Flow::Continue
        }
    })
    .unwrap_err();
    assert!(matches!(err, FetchError::Cancelled), "{err:?}");
    assert_eq!(last, 1000);
    assert_eq!(err.to_string(), "Cancelled: nothing was imported.");
    gate.open();
}

#[test]
fn an_announced_oversized_page_is_refused_before_reading() {
    let gate = Gate::default();
    let waiting = gate.clone();
    let server = Server::start(move |_, s| {
        let _ = s.write_all(&head(
            "200 OK",
            &[("Content-Type", "text/html")],
            Some(100_001),
        ));
        waiting.wait();
    });
    let err = go(&server.url("/"));
    assert!(
        matches!(err, FetchError::TooLarge { limit: 100_000 }),
        "{err:?}"
    );
    assert!(err.to_string().contains("larger than 100 kB"), "{err}");
    gate.open();
}

#[test]
fn an_unannounced_oversized_page_stops_at_the_limit() {
    let server = Server::start(|_, s| {
        // No length: the page ends when the connection closes.
        let _ = s.write_all(&head("200 OK", &[("Content-Type", "text/plain")], None));
        for _ in 0..20 {
            if s.write_all(&[b'a'; 10_000]).is_err() {
                break;
            }
        }
    });
    let exactly = Limits {
        max_bytes: 200_000,
        ..small_limits()
    };
    let page = fetch(&server.url("/"), &local(exactly), &mut |_| Flow::Continue).unwrap();
    assert_eq!(
        page.bytes.len(),
        200_000,
        "a page of exactly the limit is kept"
    );
    let under = Limits {
        max_bytes: 199_999,
        ..small_limits()
    };
    let err = go_with(&server.url("/"), under);
    assert!(
        matches!(err, FetchError::TooLarge { limit: 199_999 }),
        "{err:?}"
    );
}

#[test]
fn a_gzip_bomb_ends_as_too_large() {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    for _ in 0..100 {
        encoder.write_all(&[0u8; 100_000]).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    assert!(bomb.len() < 100_000, "{} bytes unpack to 10 MB", bomb.len());
    let server = Server::start(move |_, s| {
        respond(
            s,
            "200 OK",
            &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            &bomb,
        )
    });
    let err = go(&server.url("/"));
    assert!(
        matches!(err, FetchError::TooLarge { limit: 100_000 }),
        "{err:?}"
    );
}

#[test]
fn a_connection_closed_early_is_a_connection_error() {
    let server = Server::start(|_, s| {
        let _ = s.write_all(&head(
            "200 OK",
            &[("Content-Type", "text/html")],
            Some(5000),
        ));
        let _ = s.write_all(b"<p>only the start");
    });
    let err = go(&server.url("/"));
    match &err {
        FetchError::Connection { detail, .. } => {
            assert!(detail.contains("before the page was complete"), "{detail}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_addresses_fail_before_any_connection() {
    for typed in ["ftp://example.com/x", "hello", "file:///etc/hosts", ""] {
        let err = fetch(typed, &local(small_limits()), &mut |_| {
            panic!("no progress for a bad address")
        })
        .unwrap_err();
        assert!(
            matches!(err, FetchError::BadAddress { .. }),
            "{typed}: {err:?}"
        );
    }
}
