//! Fuzzes the PDF reader: any bytes give text or a `ReadError`, never a panic or a hang; when
//! text comes back, its page starts are in order and inside the text.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(read) = claimdesk_documents::pdf::read_pdf(data) {
        let chars = read.text.chars().count();
        assert!(read.pages.windows(2).all(|w| w[0] <= w[1]));
        assert!(read.pages.iter().all(|&p| p <= chars));
    }
});
