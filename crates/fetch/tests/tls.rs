//! HTTPS: a server on 127.0.0.1 with a self-signed certificate (tests/data) is refused, with a
//! message that says why. This also shows that the TLS stack (rustls, ring, the bundled roots)
//! runs up to checking the certificate.

mod common;

use std::io::Read;
use std::sync::Arc;

use claimdesk_fetch::{FetchError, Flow, fetch};
use common::{Server, local, small_limits};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

// ring's provider is deprecated since rustls 0.23.48 (no post-quantum key exchange); it is
// still the one ureq's default features use, so the test server uses it too.
#[allow(deprecated)]
fn server_config() -> Arc<rustls::ServerConfig> {
    let cert = CertificateDer::from_pem_slice(include_bytes!("data/self-signed.cert.pem"))
        .expect("certificate");
    let key =
        PrivateKeyDer::from_pem_slice(include_bytes!("data/self-signed.key.pem")).expect("key");
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("protocol versions")
    .with_no_client_auth()
    .with_single_cert(vec![cert], key)
    .expect("server config");
    Arc::new(config)
}

#[test]
fn a_certificate_no_authority_signed_is_refused() {
    let config = server_config();
    let server = Server::start_raw(move |stream| {
        let connection = rustls::ServerConnection::new(config.clone()).expect("connection");
        let mut tls = rustls::StreamOwned::new(connection, stream);
        let mut buf = [0u8; 1024];
        // The client gives up during the handshake, so this read fails.
        let _ = tls.read(&mut buf);
    });
    let url = format!("https://{}/story", server.addr());
    let err = fetch(&url, &local(small_limits()), &mut |_| Flow::Continue).unwrap_err();
    match &err {
        FetchError::Tls { host, reason } => {
            assert_eq!(host, "127.0.0.1");
            assert!(reason.contains("not signed by an authority"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    let message = err.to_string();
    assert!(
        message.contains("secure connection to 127.0.0.1"),
        "{message}"
    );
}

#[test]
fn https_to_a_plain_http_server_says_so() {
    // An HTTP server answers the TLS greeting as a bad request, as web servers do.
    let server = Server::start_raw(|mut s| {
        let mut greeting = [0u8; 64];
        let _ = s.read(&mut greeting);
        common::respond(&mut s, "400 Bad Request", &[], b"not HTTP");
    });
    let url = format!("https://{}/", server.addr());
    let err = fetch(&url, &local(small_limits()), &mut |_| Flow::Continue).unwrap_err();
    match &err {
        FetchError::Tls { reason, .. } => assert!(reason.contains("http://"), "{reason}"),
        other => panic!("{other:?}"),
    }
}
