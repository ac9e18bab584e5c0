//! What a fetch may do: its limits (time, size, redirects), which responses it accepts, the
//! proxy, and the clock it reads the fetch time from.

use std::time::{Duration, SystemTime};

use crate::clock::Clock;

/// Bounds on one fetch. The defaults suit an article; tests use tiny values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Looking up the name and connecting, TLS handshake included (default 10 s).
    pub connect: Duration,
    /// The whole fetch: connecting, redirects, headers and the page (default 60 s).
    pub total: Duration,
    /// The page's size in bytes after decompression (default 20 MB): a larger page, or a
    /// small gzip stream that unpacks to more, ends as [`FetchError::TooLarge`](crate::FetchError::TooLarge).
    pub max_bytes: u64,
    /// Redirects followed before giving up (default 10).
    pub max_redirects: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connect: Duration::from_secs(10),
            total: Duration::from_secs(60),
            max_bytes: 20_000_000,
            max_redirects: 10,
        }
    }
}

/// Which responses [`fetch`](crate::fetch) returns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Accept {
    /// Web pages only (`text/html`, `application/xhtml+xml`, `text/plain`, or no type and bytes
    /// that look like text): anything else ends as
    /// [`FetchError::NotWebPage`](crate::FetchError::NotWebPage), decided from the headers
    /// before the body is read.
    #[default]
    WebPages,
    /// Any media type: the caller looks at [`Fetched::is_web_page`](crate::Fetched::is_web_page)
    /// and [`Fetched::content_type`](crate::Fetched::content_type) and decides (for documents
    /// such as PDF or DOCX).
    Anything,
}

/// Which proxy to use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ProxySetting {
    /// The environment's, as curl and most tools read it: the first of `ALL_PROXY`,
    /// `HTTPS_PROXY`, `HTTP_PROXY` (each also in lower case) that is a valid proxy address, for
    /// both http and https; hosts listed in `NO_PROXY` go direct. None set: direct.
    #[default]
    FromEnvironment,
    /// Connect directly, whatever the environment says.
    Direct,
    /// This proxy (`http://host:port`, `socks5://host:port`).
    Address(String),
}

/// Everything a fetch needs besides the address.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// Time, size and redirect limits.
    pub limits: Limits,
    /// Web pages only, or anything.
    pub accept: Accept,
    /// The proxy.
    pub proxy: ProxySetting,
    /// Where the fetch time comes from ([`SystemTime::now`] by default).
    pub clock: Clock,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            limits: Limits::default(),
            accept: Accept::default(),
            proxy: ProxySetting::default(),
            clock: SystemTime::now,
        }
    }
}
