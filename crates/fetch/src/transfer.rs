//! One fetch, start to end: the request runs on a thread of its own while the caller's thread
//! reports progress, keeps the total time limit and answers a cancel at once — even while a
//! name is being looked up or a connection is being made, which no read can interrupt. A
//! cancelled or timed-out request thread stops at its next read and ends by itself within the
//! time limits.

use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use ureq::ResponseExt;
use ureq::http::{Response, header};
use url::Url;

use crate::address::parse_address;
use crate::classify::{Context, classify, io_error};
use crate::client::agent;
use crate::clock::rfc3339_utc;
use crate::error::{FetchError, TimeoutStage};
use crate::fetched::{Fetched, sha256_hex};
use crate::media::{ContentType, sniff_web_kind};
use crate::options::{Accept, FetchOptions};

/// How often the progress callback is called while nothing arrives.
pub const PROGRESS_INTERVAL: Duration = Duration::from_millis(100);

/// The bytes read from the connection at a time.
const READ_CHUNK: usize = 64 * 1024;

/// Where a fetch is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Looking up the name, connecting, sending the request, following redirects, waiting for
    /// the answer.
    Connecting,
    /// Receiving the page.
    Receiving,
}

/// A progress report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Where the fetch is.
    pub stage: Stage,
    /// Bytes of the page received so far (after decompression).
    pub received: u64,
    /// The page's size if the server said it (`Content-Length`, uncompressed pages only).
    pub expected: Option<u64>,
    /// Time since the fetch started.
    pub elapsed: Duration,
}

/// What the progress callback wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Go on.
    Continue,
    /// Cancel: [`fetch`] returns [`FetchError::Cancelled`] at once.
    Stop,
}

/// What the request thread tells the caller's thread.
enum Event {
    Progress(Progress),
    Done(Box<Result<Fetched, FetchError>>),
}

/// Fetches the page at `address` (what the user typed: see
/// [`normalize_address`](crate::normalize_address) for the rules) within `options`' limits.
///
/// `progress` is called on the calling thread at least every [`PROGRESS_INTERVAL`] and after
/// each piece of the page arrives; returning [`Flow::Stop`] cancels (a window's Cancel button
/// sets a flag the callback reads). The call returns within about [`PROGRESS_INTERVAL`] of a
/// cancel or of the total time limit, whatever the network does.
pub fn fetch(
    address: &str,
    options: &FetchOptions,
    progress: &mut dyn FnMut(Progress) -> Flow,
) -> Result<Fetched, FetchError> {
    let url = parse_address(address)?;
    let started = Instant::now();
    let cancelled = Arc::new(AtomicBool::new(false));
    let (events, inbox) = mpsc::channel();
    {
        let options = options.clone();
        let cancelled = Arc::clone(&cancelled);
        thread::Builder::new()
            .name("claimdesk-fetch".into())
            .spawn(move || {
                let result = download(&url, &options, &cancelled, &events, started);
                let _ = events.send(Event::Done(Box::new(result)));
            })
            .map_err(|e| FetchError::Connection {
                host: address.to_owned(),
                detail: format!("could not start the download: {e}"),
            })?;
    }
    let stop = |error| {
        cancelled.store(true, Ordering::Relaxed);
        Err(error)
    };
    let mut latest = Progress {
        stage: Stage::Connecting,
        received: 0,
        expected: None,
        elapsed: Duration::ZERO,
    };
    loop {
        let left = options.limits.total.saturating_sub(started.elapsed());
        match inbox.recv_timeout(PROGRESS_INTERVAL.min(left)) {
            Ok(Event::Done(result)) => return *result,
            Ok(Event::Progress(p)) => latest = p,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                return Err(FetchError::Connection {
                    host: address.to_owned(),
                    detail: "the download stopped unexpectedly".into(),
                });
            }
        }
        if started.elapsed() >= options.limits.total {
            return stop(FetchError::TimedOut {
                stage: TimeoutStage::Total,
                limit: options.limits.total,
            });
        }
        latest.elapsed = started.elapsed();
        if progress(latest) == Flow::Stop {
            return stop(FetchError::Cancelled);
        }
    }
}

/// The request thread's work: request, check the answer, read the page.
fn download(
    url: &Url,
    options: &FetchOptions,
    cancelled: &AtomicBool,
    events: &Sender<Event>,
    started: Instant,
) -> Result<Fetched, FetchError> {
    let cx = Context {
        url,
        limits: &options.limits,
    };
    let response = agent(options)?
        .get(url.as_str())
        .call()
        .map_err(|e| classify(e, &cx))?;
    if cancelled.load(Ordering::Relaxed) {
        return Err(FetchError::Cancelled);
    }
    let head = Head::of(&response, url);
    head.check(options)?;
    let report = |received| {
        let _ = events.send(Event::Progress(Progress {
            stage: Stage::Receiving,
            received,
            expected: head.expected,
            elapsed: started.elapsed(),
        }));
    };
    report(0);
    let bytes = read_body(response, &cx, cancelled, &report)?;
    if options.accept == Accept::WebPages
        && head.content_type.is_none()
        && sniff_web_kind(&bytes).is_none()
    {
        return Err(FetchError::NotWebPage {
            media_type: "unknown (the server gave no type, and it is not text)".into(),
            address: head.address,
        });
    }
    Ok(Fetched {
        requested: url.to_string(),
        sha256: sha256_hex(&bytes),
        fetched_at: rfc3339_utc((options.clock)()),
        address: head.address,
        redirects: head.redirects,
        status: head.status,
        content_type: head.content_type,
        bytes,
    })
}

/// What the response's status line and headers say.
struct Head {
    address: String,
    redirects: Vec<String>,
    status: u16,
    content_type: Option<ContentType>,
    /// `Content-Length` when the body is not compressed (ureq drops it when it decompresses).
    expected: Option<u64>,
}

impl Head {
    fn of(response: &Response<ureq::Body>, url: &Url) -> Head {
        let address = response.get_uri().to_string();
        let mut redirects: Vec<String> = response
            .get_redirect_history()
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string)
            .collect();
        // The history ends with the final address; a first entry equal to the address
        // requested is written as it was requested.
        redirects.pop();
        if let Some(first) = redirects.first_mut() {
            *first = url.to_string();
        }
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        Head {
            address,
            redirects,
            status: response.status().as_u16(),
            content_type: header(header::CONTENT_TYPE).and_then(|v| ContentType::parse(&v)),
            expected: header(header::CONTENT_LENGTH).and_then(|v| v.trim().parse().ok()),
        }
    }

    /// Refuses error statuses, types that are not web pages (when only those are accepted)
    /// and pages that announce a size over the limit, before the body is read.
    fn check(&self, options: &FetchOptions) -> Result<(), FetchError> {
        if !(200..300).contains(&self.status) {
            return Err(FetchError::Status {
                status: self.status,
                reason: ureq::http::StatusCode::from_u16(self.status)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or_default()
                    .to_owned(),
                address: self.address.clone(),
            });
        }
        if options.accept == Accept::WebPages
            && let Some(ct) = &self.content_type
            && ct.web_kind().is_none()
        {
            return Err(FetchError::NotWebPage {
                media_type: ct.media_type.clone(),
                address: self.address.clone(),
            });
        }
        if self.expected.is_some_and(|n| n > options.limits.max_bytes) {
            return Err(FetchError::TooLarge {
                limit: options.limits.max_bytes,
            });
        }
        Ok(())
    }
}

/// Reads the body (decompressed) up to the size limit, checking for a cancel between reads.
fn read_body(
    response: Response<ureq::Body>,
    cx: &Context,
    cancelled: &AtomicBool,
    report: &dyn Fn(u64),
) -> Result<Vec<u8>, FetchError> {
    let max = cx.limits.max_bytes;
    let mut reader = response.into_body().into_reader();
    let mut bytes = Vec::new();
    let mut chunk = vec![0; READ_CHUNK];
    loop {
        let n = reader.read(&mut chunk).map_err(|e| io_error(e, cx))?;
        if cancelled.load(Ordering::Relaxed) {
            return Err(FetchError::Cancelled);
        }
        if n == 0 {
            return Ok(bytes);
        }
        if (bytes.len() + n) as u64 > max {
            return Err(FetchError::TooLarge { limit: max });
        }
        bytes.extend_from_slice(&chunk[..n]);
        report(bytes.len() as u64);
    }
}
