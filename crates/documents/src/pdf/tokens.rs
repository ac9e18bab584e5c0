//! A lenient reader of content-stream syntax (ISO 32000-1 §7.8.2): operands (numbers, names,
//! strings, arrays, dictionaries) and operators, one at a time, without building the whole
//! stream in memory. Bytes it cannot read are skipped; inline image data is stepped over.

/// An operand of a content-stream operator.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Operand {
    /// A number (integers too).
    Number(f32),
    /// A name, without its slash, `#xx` escapes decoded.
    Name(Vec<u8>),
    /// A string's bytes, escapes decoded.
    Str(Vec<u8>),
    /// An array.
    Array(Vec<Operand>),
    /// Anything else (dictionaries, booleans, null): not needed by the text layer.
    Other,
}

/// A token: an operand or an operator.
#[derive(Debug, PartialEq)]
pub(crate) enum Token<'a> {
    /// An operand.
    Operand(Operand),
    /// An operator, such as `Tj` or `'`.
    Operator(&'a [u8]),
}

/// How deep arrays and dictionaries may nest.
const MAX_DEPTH: usize = 32;

/// Reads tokens from a content stream.
pub(crate) struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delimiter(b)
}

fn hex_value(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `data`.
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Self { data, pos: 0 }
    }

    fn skip_white(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.pos < self.data.len() && !matches!(self.data[self.pos], b'\r' | b'\n') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn regular_run(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.pos < self.data.len() && is_regular(self.data[self.pos]) {
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    /// The next operand or operator, or `None` at the end of the stream.
    pub(crate) fn next_token(&mut self) -> Option<Token<'a>> {
        loop {
            self.skip_white();
            let &b = self.data.get(self.pos)?;
            if let Some(operand) = self.operand(0) {
                return Some(Token::Operand(operand));
            }
            if is_regular(b) {
                let word = self.regular_run();
                if word == b"BI" {
                    self.skip_inline_image();
                    continue;
                }
                return Some(Token::Operator(word));
            }
            // A stray delimiter (`)`, `>`, `]`, `}`, `{`): skip it.
            self.pos += 1;
        }
    }

    /// An operand at the current position (after white space), or `None` (position unchanged)
    /// when an operator or a stray delimiter is there.
    fn operand(&mut self, depth: usize) -> Option<Operand> {
        self.skip_white();
        let &b = self.data.get(self.pos)?;
        match b {
            b'/' => {
                self.pos += 1;
                Some(Operand::Name(decode_name(self.regular_run())))
            }
            b'(' => Some(Operand::Str(self.literal_string())),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                self.skip_dictionary(depth);
                Some(Operand::Other)
            }
            b'<' => Some(Operand::Str(self.hex_string())),
            b'[' => {
                self.pos += 1;
                Some(Operand::Array(self.array(depth)))
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let word = self.regular_run();
                let number = std::str::from_utf8(word)
                    .ok()
                    .and_then(|s| s.parse::<f32>().ok())
                    .filter(|n| n.is_finite())
                    .unwrap_or(0.0);
                Some(Operand::Number(number))
            }
            _ if is_regular(b) => {
                let start = self.pos;
                let word = self.regular_run();
                if matches!(word, b"true" | b"false" | b"null") {
                    Some(Operand::Other)
                } else {
                    self.pos = start;
                    None
                }
            }
            _ => None,
        }
    }

    fn array(&mut self, depth: usize) -> Vec<Operand> {
        let mut items = Vec::new();
        loop {
            self.skip_white();
            match self.data.get(self.pos) {
                None => return items,
                Some(b']') => {
                    self.pos += 1;
                    return items;
                }
                Some(_) if depth >= MAX_DEPTH => self.pos += 1,
                Some(_) => match self.operand(depth + 1) {
                    Some(item) => items.push(item),
                    // An operator inside an array: the array was never closed.
                    None if self.data.get(self.pos).is_some_and(|&b| is_regular(b)) => {
                        return items;
                    }
                    None => self.pos += 1,
                },
            }
        }
    }

    fn skip_dictionary(&mut self, depth: usize) {
        loop {
            self.skip_white();
            match self.data.get(self.pos) {
                None => return,
                Some(b'>') => {
                    self.pos += 1;
                    if self.data.get(self.pos) == Some(&b'>') {
                        self.pos += 1;
                    }
                    return;
                }
                Some(_) if depth >= MAX_DEPTH => self.pos += 1,
                Some(_) => {
                    if self.operand(depth + 1).is_none() {
                        if self.data.get(self.pos).is_some_and(|&b| is_regular(b)) {
                            self.regular_run();
                        } else {
                            self.pos += 1;
                        }
                    }
                }
            }
        }
    }

    fn literal_string(&mut self) -> Vec<u8> {
        self.pos += 1; // (
        let mut out = Vec::new();
        let mut nesting = 0usize;
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            match b {
                b'(' => {
                    nesting += 1;
                    out.push(b);
                }
                b')' if nesting == 0 => return out,
                b')' => {
                    nesting -= 1;
                    out.push(b);
                }
                b'\\' => self.escape(&mut out),
                _ => out.push(b),
            }
        }
        out
    }

    fn escape(&mut self, out: &mut Vec<u8>) {
        let Some(&b) = self.data.get(self.pos) else {
            return;
        };
        self.pos += 1;
        match b {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'0'..=b'7' => {
                let mut value = u32::from(b - b'0');
                for _ in 0..2 {
                    match self.data.get(self.pos) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                out.push((value & 0xff) as u8);
            }
            b'\r' => {
                if self.data.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
            }
            b'\n' => {}
            other => out.push(other),
        }
    }

    fn hex_string(&mut self) -> Vec<u8> {
        self.pos += 1; // <
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            let Some(v) = hex_value(b) else { continue };
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// Steps over an inline image: its dictionary up to `ID`, then its data up to `EI`.
    fn skip_inline_image(&mut self) {
        while let Some(token) = self.next_dictionary_token() {
            if token == b"ID" {
                break;
            }
        }
        // The data is binary: find "EI" standing alone.
        let data = self.data;
        let mut i = self.pos + 1;
        while i + 1 < data.len() {
            if data[i] == b'E'
                && data[i + 1] == b'I'
                && is_white(data[i - 1])
                && data.get(i + 2).is_none_or(|&b| is_white(b))
            {
                self.pos = i + 2;
                return;
            }
            i += 1;
        }
        self.pos = data.len();
    }

    /// Inside an inline image dictionary: the next operator-like word (operands skipped).
    fn next_dictionary_token(&mut self) -> Option<&'a [u8]> {
        loop {
            self.skip_white();
            let &b = self.data.get(self.pos)?;
            if self.operand(0).is_some() {
                continue;
            }
            if is_regular(b) {
                return Some(self.regular_run());
            }
            self.pos += 1;
        }
    }
}

/// A name's bytes with `#xx` escapes decoded.
fn decode_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#'
            && let (Some(h), Some(l)) = (
                raw.get(i + 1).copied().and_then(hex_value),
                raw.get(i + 2).copied().and_then(hex_value),
            )
        {
            out.push(h << 4 | l);
            i += 3;
            continue;
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(data: &[u8]) -> Vec<Token<'_>> {
        let mut lexer = Lexer::new(data);
        std::iter::from_fn(|| lexer.next_token()).collect()
    }

    #[test]
    fn operands_and_operators_are_read_with_their_escapes() {
        let found = tokens(b"BT /F#31 12 Tf (a\\(b\\)\\101) Tj [<0041 4> -250 (c)] TJ ET");
        assert_eq!(
            found,
            vec![
                Token::Operator(b"BT"),
                Token::Operand(Operand::Name(b"F1".to_vec())),
                Token::Operand(Operand::Number(12.0)),
                Token::Operator(b"Tf"),
                Token::Operand(Operand::Str(b"a(b)A".to_vec())),
                Token::Operator(b"Tj"),
                Token::Operand(Operand::Array(vec![
                    Operand::Str(vec![0x00, 0x41, 0x40]),
                    Operand::Number(-250.0),
                    Operand::Str(b"c".to_vec()),
                ])),
                Token::Operator(b"TJ"),
                Token::Operator(b"ET"),
            ]
        );
    }

    #[test]
    fn inline_images_dictionaries_and_comments_are_stepped_over() {
        let found = tokens(b"% note\n/P <</MCID 3>> BDC BI /W 2 /H 1 ID \x00EI\xff EI Q EMC");
        assert_eq!(
            found,
            vec![
                Token::Operand(Operand::Name(b"P".to_vec())),
                Token::Operand(Operand::Other),
                Token::Operator(b"BDC"),
                Token::Operator(b"Q"),
                Token::Operator(b"EMC"),
            ]
        );
    }

    #[test]
    fn unterminated_syntax_ends_the_stream_without_looping() {
        for data in [&b"[ (abc"[..], b"<< /A [1 2", b"(\\", b"<0a", b")))]]}"] {
            assert!(tokens(data).len() <= 2, "{data:?}");
        }
    }
}
