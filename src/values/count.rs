//! Counts sent as decimal text.

use super::ValuesError;
use crate::text::snippet;

/// Parses a count sent as decimal text: ASCII digits, no sign, no leading
/// zero (but `"0"` itself), at most `u64::MAX`.
pub(crate) fn parse_count(key: &'static str, index: usize, text: &str) -> Result<u64, ValuesError> {
    let b = text.as_bytes();
    // One pass for the common case: at most 19 digits cannot overflow.
    if let [first, rest @ ..] = b {
        if b.len() <= 19 && (*first != b'0' || rest.is_empty()) {
            let mut n: u64 = 0;
            let mut plain = true;
            for &d in b {
                let digit = d.wrapping_sub(b'0');
                plain &= digit < 10;
                n = n.wrapping_mul(10).wrapping_add(u64::from(digit));
            }
            if plain {
                return Ok(n);
            }
        }
    }
    parse_count_slow(key, index, text)
}

/// [`parse_count`] for long text and for errors.
#[cold]
pub(crate) fn parse_count_slow(key: &'static str, index: usize, text: &str) -> Result<u64, ValuesError> {
    let b = text.as_bytes();
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    if !digits(b) || (b.len() > 1 && b[0] == b'0') {
        // `-0` is not below zero: it is a sign where none belongs.
        if b.first() == Some(&b'-') && digits(&b[1..]) && b[1..].iter().any(|&d| d != b'0') {
            return Err(ValuesError::NegativeCount {
                key,
                index,
                text: snippet(text),
            });
        }
        return Err(ValuesError::NotDecimal {
            key,
            index,
            text: snippet(text),
        });
    }
    let mut n: u64 = 0;
    for &d in b {
        n = match n.checked_mul(10).and_then(|n| n.checked_add(u64::from(d - b'0'))) {
            Some(n) => n,
            None => {
                return Err(ValuesError::CountOverflow {
                    key,
                    index,
                    text: snippet(text),
                });
            }
        };
    }
    Ok(n)
}
