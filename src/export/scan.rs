//! Finding, eight bytes at a time, the bytes of a string that an escape may
//! be about: controls, `"`, `\`, DEL and every byte of a non-ASCII
//! character. Most text the exports write has none of them, and is copied
//! whole once the scan has passed over it.

/// A byte of each value in a word.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Whether a byte is a control, `"`, `\`, DEL, or not ASCII.
pub fn is_special(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\' || b >= 0x7f
}

/// The high bit of each byte of the word that is special, and maybe of
/// bytes after the first special one (a borrow or a carry runs upwards),
/// never of a byte before it.
fn specials(x: u64) -> u64 {
    let zero = |v: u64| v.wrapping_sub(ONES) & !v;
    let control = x.wrapping_sub(ONES * 0x20) & !x;
    let quote = zero(x ^ (ONES * u64::from(b'"')));
    let backslash = zero(x ^ (ONES * u64::from(b'\\')));
    // DEL plus one has the high bit; bytes at 0x80 and above have it already.
    let high = x | x.wrapping_add(ONES);
    (control | quote | backslash | high) & HIGH
}

/// The position of the first special byte of `bytes` at or after `from`,
/// or the length when there is none.
pub fn next_special(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(word) = bytes.get(i..i + 8) {
        let mut le = [0u8; 8];
        le.copy_from_slice(word);
        let found = specials(u64::from_le_bytes(le));
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !is_special(bytes[i]) {
        i += 1;
    }
    i
}

/// Whether the text is printable ASCII without `"` or `\`.
pub fn is_plain(s: &str) -> bool {
    next_special(s.as_bytes(), 0) == s.len()
}

#[cfg(test)]
mod tests {
    use super::{is_special, next_special};

    #[test]
    fn finds_the_first_special_byte_wherever_it_sits() {
        let specials = [0u8, 0x1f, b'"', b'\\', 0x7f, 0x80, 0xc2, 0xff];
        let plains = [0x20u8, b'a', b'~', b'!', b'#', b'[', b']', 0x7e];
        for &s in &specials {
            for len in 0..20 {
                for at in 0..=len {
                    let mut bytes: Vec<u8> = (0..len).map(|i| plains[i % plains.len()]).collect();
                    if at < len {
                        bytes[at] = s;
                        // A later special byte must not hide the first.
                        if at + 1 < len {
                            bytes[at + 1] = 0xff;
                        }
                    }
                    let want = (0..len).find(|&i| is_special(bytes[i])).unwrap_or(len);
                    assert_eq!(next_special(&bytes, 0), want, "{bytes:?}");
                    assert_eq!(next_special(&bytes, at.min(len)), want.max(at.min(len)));
                }
            }
        }
    }

    #[test]
    fn every_byte_value_is_classed_as_the_rule_says() {
        for b in 0..=255u8 {
            let bytes = [b'a', b'b', b'c', b, b'd', b'e', b'f', b'g', b'h'];
            let want = if is_special(b) { 3 } else { 9 };
            assert_eq!(next_special(&bytes, 0), want, "byte {b:#x}");
        }
    }
}
