//! JSON strings written straight into a buffer: the bytes that may need an
//! escape are found eight at a time ([`crate::export::scan`]) and then by a
//! 256-entry table, and the runs between them are copied whole. The escapes are serde_json's (`\"`, `\\`, `\n`, `\u001b`...), and
//! every character [`crate::text::is_unsafe`] flags is a `\uXXXX` escape
//! too, so the output is the same as `serde_json` with
//! [`super::write_value`]'s formatter.

use crate::export::scan::next_special;
use crate::text::is_unsafe;

/// Bytes that may need an escape: controls, `"`, `\`, DEL, and the UTF-8
/// lead bytes of the other characters `is_unsafe` flags (C1 controls start
/// with 0xC2, U+2000 to U+2FFF with 0xE2, U+F000 to U+FFFF with 0xEF).
static LOOK: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table[0x7f] = true;
    table[0xc2] = true;
    table[0xe2] = true;
    table[0xef] = true;
    table
};

/// Lowercase hexadecimal digits, as serde_json writes them.
const HEX: &[u8; 16] = b"0123456789abcdef";

/// Writes `s` as a quoted JSON string.
pub fn string(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    loop {
        i = next_special(bytes, i);
        let Some(&b) = bytes.get(i) else { break };
        if !LOOK[b as usize] {
            i += 1;
            continue;
        }
        let short: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\t' => b"\\t",
            b'\r' => b"\\r",
            0x08 => b"\\b",
            0x0c => b"\\f",
            _ => b"",
        };
        let (c, len) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            // A lead byte is always at a character boundary.
            let c = s[i..].chars().next().unwrap_or_default();
            (c, c.len_utf8())
        };
        if short.is_empty() && !is_unsafe(c) {
            i += len;
            continue;
        }
        out.extend_from_slice(&bytes[copied..i]);
        if short.is_empty() {
            push_unicode(out, c);
        } else {
            out.extend_from_slice(short);
        }
        i += len;
        copied = i;
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

/// Writes a character as `\uXXXX` escapes of its UTF-16 units.
pub fn push_unicode(out: &mut Vec<u8>, c: char) {
    let mut units = [0u16; 2];
    for &unit in c.encode_utf16(&mut units).iter() {
        out.extend_from_slice(b"\\u");
        for shift in [12, 8, 4, 0] {
            out.push(HEX[usize::from((unit >> shift) & 0xf)]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::string;

    fn quoted(s: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_as_serde_json_does_and_terminal_controls_too() {
        assert_eq!(quoted("plain"), "\"plain\"");
        assert_eq!(
            quoted("a\"b\\c\nd\te\rf\u{8}g\u{c}h"),
            r#""a\"b\\c\nd\te\rf\bg\fh""#
        );
        assert_eq!(quoted("\u{1b}[31m\u{0}"), r#""\u001b[31m\u0000""#);
        assert_eq!(
            quoted("a\u{7f}b\u{9b}c\u{202e}d\u{feff}"),
            r#""a\u007fb\u009bc\u202ed\ufeff""#
        );
        assert_eq!(
            quoted("é – ¡ “x” \u{ef}\u{2000}"),
            "\"é – ¡ “x” \u{ef}\u{2000}\""
        );
    }
}
