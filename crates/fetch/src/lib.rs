//! Opening a web address: **the only place in Claimdesk that touches the network**, and only
//! when the user explicitly opens an address (File → Open address…, a dropped link,
//! `claimdesk new URL`). Nothing else in Claimdesk makes a connection; no other crate may depend
//! on this one for anything but that act.
//!
//! [`fetch`] takes what the user typed and returns the page's bytes with what a review keeps as
//! provenance (the final address after redirects, the time, the SHA-256) and what the importer
//! needs to read it (the `Content-Type`'s media type and charset):
//!
//! - **Addresses** ([`normalize_address`]): `http` and `https` only; `example.com/story` becomes
//!   `https://example.com/story`; other schemes and stray words are refused with a reason.
//! - **Client**: `ureq` 3 with rustls (ring, the bundled Mozilla roots: the system's
//!   certificate store is not read) and gzip; HTTP/1.1. Proxies from the environment
//!   (`ALL_PROXY`, `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`) unless [`ProxySetting`] says
//!   otherwise.
//! - **Limits** ([`Limits`]): connect 10 s, total 60 s, 20 MB after decompression (a gzip bomb
//!   ends as too large), 10 redirects.
//! - **Web pages only** by default: `text/html`, `application/xhtml+xml`, `text/plain`;
//!   anything else is [`FetchError::NotWebPage`], decided from the headers before the body is
//!   read. [`Accept::Anything`] returns any type, for the importer to decide with
//!   [`Fetched::is_web_page`] (documents such as PDF and DOCX).
//! - **Encoding**: [`Fetched::charset`] applies the HTML Standard's order — byte order mark,
//!   then the HTTP header's charset, then `<meta>` in the first 1024 bytes ([`html_charset`]).
//!   When it returns `None`, nobody declared one and the importer detects it as for files.
//! - **Progress and cancel**: the request runs on its own thread; the `progress` callback runs
//!   on the caller's at least every 100 ms and can stop the fetch at any moment.
//! - **Errors** ([`FetchError`]): one variant per thing a user can act on, each with a message
//!   that says what to do.
//!
//! ```no_run
//! use claimdesk_fetch::{FetchOptions, Flow, fetch};
//!
//! let page = fetch("example.com/story", &FetchOptions::default(), &mut |_| Flow::Continue)?;
//! println!("{} bytes from {} at {}", page.bytes.len(), page.address, page.fetched_at);
//! # Ok::<(), claimdesk_fetch::FetchError>(())
//! ```

mod address;
mod charset;
mod classify;
mod client;
mod clock;
mod error;
mod fetched;
mod media;
mod options;
mod prescan;
mod transfer;

pub use address::{DEFAULT_SCHEME, normalize_address};
pub use charset::{CharsetDecision, CharsetSource, html_charset, text_charset};
pub use client::USER_AGENT;
pub use clock::{Clock, rfc3339_utc};
pub use error::{FetchError, TimeoutStage};
pub use fetched::{Fetched, sha256_hex};
pub use media::{ContentType, WebKind, sniff_web_kind};
pub use options::{Accept, FetchOptions, Limits, ProxySetting};
pub use prescan::{PRESCAN_BYTES, meta_charset};
pub use transfer::{Flow, PROGRESS_INTERVAL, Progress, Stage, fetch};
