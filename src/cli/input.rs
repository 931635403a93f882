//! Reading inputs within `--max-size`: files whole, and standard input as
//! one document or as an NDJSON stream.
//!
//! Files are read with the standard library (`take(max + 1)` then
//! `read_to_end`), so their end is where a read gives nothing, whatever the
//! kind of file; a regular file is asked its size first, so a huge one is
//! refused without being read.

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::Path;

/// Parses a `--max-size`: plain bytes, or a number with a unit (`64MiB`,
/// `1GB`, `512k`); decimal units are powers of 1000, binary ones of 1024.
/// A fraction of a byte is rounded to the nearest byte (`1.5` is 2).
///
/// A size below one byte (`0`, `0.5`, `0.0001k`) is refused, whatever it
/// would be rounded to: it would refuse every input, and a fraction of a
/// byte is a typing slip more often than a wish.
pub fn parse_size(text: &str) -> Result<u64, String> {
    match parse_size::parse_size(text) {
        Ok(size) if size <= 1 && below_one_byte(text) => Err(format!(
            "`{text}` is less than 1 byte, and every input would be over it: give at least 1 byte"
        )),
        Ok(size) => Ok(size),
        Err(e) => Err(format!("{e}: give bytes, or a size such as 64MiB or 1GB")),
    }
}

/// Whether a size that [`parse_size::parse_size`] reads is below one byte
/// before it is rounded, told exactly from its digits: its unit is read as
/// that crate reads it (a `B`, then an `i`, then a prefix, from the end),
/// and its digits times the unit are compared with a power of ten.
fn below_one_byte(text: &str) -> bool {
    let mut src = text.as_bytes();
    if let [init @ .., b'b' | b'B'] = src {
        src = init;
    }
    let binary = matches!(src, [.., b'i' | b'I']);
    if binary {
        src = &src[..src.len() - 1];
    }
    let mut unit: u64 = 1;
    let prefix = src
        .last()
        .and_then(|p| b"kmgtpe".iter().position(|q| q.eq_ignore_ascii_case(p)));
    if let Some(power) = prefix.and_then(|p| u32::try_from(p + 1).ok()) {
        unit = if binary {
            1 << (10 * power)
        } else {
            10u64.pow(3 * power)
        };
        src = &src[..src.len() - 1];
    }
    // The number: digits, a point and digits, an exponent; spaces and
    // underscores group digits.
    let (mut digits, mut point, mut exponent) = (Vec::new(), 0i64, None::<(i64, i64)>);
    let mut fraction = false;
    for &b in src.iter().filter(|&&b| b != b' ' && b != b'_') {
        match (b, &mut exponent) {
            (b'e' | b'E', None) => exponent = Some((1, 0)),
            (b'-', Some((sign, _))) => *sign = -1,
            (b'0'..=b'9', Some((_, e))) => *e = e.saturating_mul(10).saturating_add(i64::from(b - b'0')),
            (b'.', None) => fraction = true,
            (b'0'..=b'9', None) => {
                digits.push(b - b'0');
                point -= i64::from(fraction);
            }
            _ => {}
        }
    }
    let exponent = exponent.map_or(0, |(sign, e)| sign * e).saturating_add(point);
    // The digits times the unit, least significant first.
    let mut product = Vec::with_capacity(digits.len() + 20);
    let mut carry: u128 = 0;
    for &d in digits.iter().rev() {
        carry += u128::from(d) * u128::from(unit);
        product.push(carry % 10);
        carry /= 10;
    }
    while carry > 0 {
        product.push(carry % 10);
        carry /= 10;
    }
    while product.last() == Some(&0) {
        product.pop();
    }
    // A number of `len` digits times ten to the `exponent` is below 1 when
    // it has no digit left of the point.
    let len = i64::try_from(product.len()).unwrap_or(i64::MAX);
    product.is_empty() || len.saturating_add(exponent) <= 0
}

/// Parses a `--max-record`: as [`parse_size`], within the memory this
/// machine can address.
pub fn parse_record_size(text: &str) -> Result<usize, String> {
    let size = parse_size(text)?;
    usize::try_from(size).map_err(|_| format!("{size} bytes is more than this machine can address"))
}

/// A path as a message shows it: on one line, its control and format
/// characters escaped (`a\nb` for a name holding a newline), and a byte
/// that is not UTF-8 as `\xff` (see [`lossless`]).
pub fn shown(path: &Path) -> String {
    anaplan_task::text::escape_line(&lossless(path)).into_owned()
}

/// A path as text, every byte told: as it is when it is UTF-8, and with
/// each byte that is not written `\xff` otherwise, so that two names that
/// differ only there stay two names (where `to_string_lossy` writes both
/// as `\u{fffd}`). For the JSON report, which keeps a name as it is.
pub fn lossless(path: &Path) -> std::borrow::Cow<'_, str> {
    let bytes = path.as_os_str().as_encoded_bytes();
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.into();
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out.into()
}

/// Why a file was not checked.
pub enum Unchecked {
    /// Larger than `--max-size`; the message says by how much.
    TooLarge(String),
    /// Not opened or not read; the system's message.
    Unreadable(String),
}

/// Reads `input` into `buffer` (emptied first), up to `max` bytes: whether
/// it ended within them. `size`, a regular file's, is read in one go.
///
/// The buffer grows by doubling, but never past `max + 1` bytes (reading
/// into a full `Vec` would double it again for the last byte): refusing
/// `/dev/zero` holds the limit, not twice or thrice it.
fn read_sized(mut input: impl Read, max: u64, size: Option<u64>, buffer: &mut Vec<u8>) -> io::Result<bool> {
    buffer.clear();
    let limit = max.saturating_add(1);
    // A regular file's size, read in one read: one that brings all of it
    // is taken for the end (a file that grows meanwhile is read as it was
    // when it was opened), so a file costs no second read to find its end.
    // A size of 0 is not believed: files of `/proc` say it, and hold more.
    if let Some(size) = size.filter(|&s| s > 0 && s < limit) {
        let size = usize::try_from(size).map_err(|_| io::Error::from(io::ErrorKind::OutOfMemory))?;
        reserve(buffer, size as u64)?;
        buffer.resize(size, 0);
        let mut filled = 0;
        while filled < size {
            match input.read(&mut buffer[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        buffer.truncate(filled);
        return Ok(true);
    }
    // A regular file's size, and one byte to find its end, in one go;
    // anything else may be as large as the limit (up to 64 MiB, the
    // default, then doubling). The room is reserved, not touched: only
    // what is read takes memory.
    let mut chunk = size.unwrap_or(64 << 20).saturating_add(1).min(limit);
    while chunk > 0 {
        reserve(buffer, chunk)?;
        // With room for exactly `chunk` bytes, the read does not grow the
        // buffer.
        if input.by_ref().take(chunk).read_to_end(buffer)? < chunk as usize {
            break;
        }
        chunk = (buffer.len() as u64).min(limit - buffer.len() as u64);
    }
    Ok(buffer.len() as u64 <= max)
}

/// Makes room in `buffer` for `additional` more bytes, exactly, or fails
/// with [`io::ErrorKind::OutOfMemory`] (a limit raised past the memory the
/// process may take ends as unreadable input, not as an abort).
fn reserve(buffer: &mut Vec<u8>, additional: u64) -> io::Result<()> {
    usize::try_from(additional)
        .ok()
        .and_then(|n| buffer.try_reserve_exact(n).ok())
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::OutOfMemory,
                format!(
                    "cannot hold {} bytes in memory (lower --max-size)",
                    (buffer.len() as u64).saturating_add(additional)
                ),
            )
        })
}

/// Reads one line (up to and with its `\n`) onto the end of `buffer`,
/// holding at most `limit` bytes in all: the number of bytes read. The
/// buffer grows by doubling, but never past `limit`.
fn read_line_within(input: &mut impl BufRead, limit: u64, buffer: &mut Vec<u8>) -> io::Result<usize> {
    let start = buffer.len();
    loop {
        let available = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let room = usize::try_from(limit - buffer.len() as u64).unwrap_or(usize::MAX);
        let (take, ends) = match memchr::memchr(b'\n', available) {
            Some(i) if i < room => (i + 1, true),
            _ => (
                available.len().min(room),
                available.is_empty() || available.len() >= room,
            ),
        };
        if buffer.capacity() - buffer.len() < take {
            // Double, or as much as memory allows, down to what is needed.
            let mut more = buffer.capacity().max(take).min(room);
            while let Err(e) = reserve(buffer, more as u64) {
                if more == take {
                    return Err(e);
                }
                more = (more / 2).max(take);
            }
        }
        buffer.extend_from_slice(&available[..take]);
        input.consume(take);
        if ends {
            return Ok(buffer.len() - start);
        }
    }
}

/// Reads a whole file into `buffer`, on whichever thread: what the system
/// says of the file once it is open (so that a caller tells a file read
/// already without asking again).
pub fn read_file(path: &Path, max: u64, buffer: &mut Vec<u8>) -> Result<std::fs::Metadata, Unchecked> {
    let unreadable = |e: io::Error| Unchecked::Unreadable(e.to_string());
    let file = File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if crate::cli::gzip::is_gzip(path) {
        // Its size says nothing of the bytes it holds: the limit counts
        // those, as they are read.
        let input = crate::cli::gzip::Gunzip::new(io::BufReader::with_capacity(64 * 1024, file));
        return match read_sized(input, max, None, buffer).map_err(unreadable)? {
            true => Ok(meta),
            false => Err(Unchecked::TooLarge(too_large_gzip_message(max))),
        };
    }
    if meta.is_file() && meta.len() > max {
        return Err(too_large_file(Some(meta.len()), max));
    }
    let size = meta.is_file().then_some(meta.len());
    if read_sized(&file, max, size, buffer).map_err(unreadable)? {
        return Ok(meta);
    }
    // It grew after it was asked its size, or it is not a regular file.
    let size = file.metadata().ok().filter(|m| m.is_file() && m.len() > max);
    Err(too_large_file(size.map(|m| m.len()), max))
}

fn too_large_file(size: Option<u64>, max: u64) -> Unchecked {
    Unchecked::TooLarge(too_large_message(size, max))
}

/// Why a gzip file is not read, when it holds more than `max` bytes.
pub fn too_large_gzip_message(max: u64) -> String {
    format!("the file holds more than the limit of {max} bytes once decompressed (--max-size)")
}

/// Why standard input (or a pipe read as it is) is not read, beyond `max`.
pub fn too_large_input_message(max: u64) -> String {
    format!("the input is more than the limit of {max} bytes (--max-size)")
}

/// Why a file of `size` bytes (when it is a regular file) is not read,
/// beyond `max`.
pub fn too_large_message(size: Option<u64>, max: u64) -> String {
    match size {
        Some(size) => format!("the file is {size} bytes, more than the limit of {max} bytes (--max-size)"),
        None => format!("the file is more than the limit of {max} bytes (--max-size)"),
    }
}

/// How standard input is read.
#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub enum StdinFormat {
    /// NDJSON when one of its first two non-blank lines is a JSON value by
    /// itself, or when it is too large to be one document before the end
    /// of its second non-blank line; one document otherwise.
    Auto,
    /// One document, as a `*.json` file.
    Json,
    /// One document per line, as a `*.ndjson` file.
    Ndjson,
}

/// Standard input, classified.
pub enum Stdin {
    /// One document, read whole.
    Document(Vec<u8>),
    /// One document larger than the limit.
    TooLarge,
    /// An NDJSON stream: these bytes, already read, then the rest.
    Stream(Vec<u8>),
}

/// Reads as much of `input` as it takes to tell how to read it (see
/// [`StdinFormat::Auto`]), and a single document whole. At most `max + 1`
/// bytes are held.
pub fn classify(input: &mut impl BufRead, format: StdinFormat, max: u64) -> io::Result<Stdin> {
    let limit = max.saturating_add(1);
    // Room for a document of up to 64 MiB (the default limit) at once:
    // reserved, not touched, and no copies as it grows.
    let mut head = Vec::new();
    reserve(&mut head, limit.min((64 << 20) + 1))?;
    match format {
        StdinFormat::Ndjson => return Ok(Stdin::Stream(head)),
        StdinFormat::Json => {}
        StdinFormat::Auto => {
            let mut lines = 0;
            while lines < 2 {
                let start = head.len();
                let room = limit - start as u64;
                if room == 0 || read_line_within(input, limit, &mut head)? == 0 {
                    break;
                }
                if head.len() as u64 > max {
                    // Too large for one document before the lines that
                    // tell are read: as a stream, each line has its verdict.
                    return Ok(Stdin::Stream(head));
                }
                let line = &head[start..];
                if anaplan_task::ndjson::is_blank(line) {
                    continue;
                }
                if serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok() {
                    return Ok(Stdin::Stream(head));
                }
                lines += 1;
            }
        }
    }
    while read_line_within(input, limit, &mut head)? > 0 && (head.len() as u64) < limit {}
    Ok(if head.len() as u64 > max {
        Stdin::TooLarge
    } else {
        Stdin::Document(head)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(input: &[u8], max: u64) -> String {
        kind_of(&mut &input[..], max)
    }

    fn kind_of(input: &mut impl BufRead, max: u64) -> String {
        match classify(input, StdinFormat::Auto, max).unwrap() {
            Stdin::Document(b) => format!("document {}", b.len()),
            Stdin::TooLarge => "too large".into(),
            Stdin::Stream(head) => format!("stream {}", head.len()),
        }
    }

    #[test]
    fn stdin_is_a_stream_when_an_early_line_stands_alone() {
        assert_eq!(kind(b"{}\n{", 100), "stream 3");
        assert_eq!(kind(b"\n \n{}\n{", 100), "stream 6");
        assert_eq!(kind(b"{\"a\":\n{}\n", 100), "stream 9");
        // Blank, then too large before a line tells.
        assert_eq!(kind(b"\n{\"a\":\"xxxxxxxxxxxx\"}\n{}\n", 10), "stream 11");
        assert_eq!(kind(b"{\n  \"a\": 1\n}\n", 100), "document 13");
        assert_eq!(kind(b"{\n  \"a\": 1\n}\n", 12), "too large");
        assert_eq!(kind(b"{\"a\":", 100), "document 5");
        assert_eq!(kind(b"", 100), "document 0");
        assert_eq!(kind(b"  \n", 0), "stream 1");
    }

    #[test]
    fn stdin_is_classified_the_same_read_in_small_pieces() {
        for (input, max) in [
            (&b"{}\n{"[..], 100),
            (b"\n \n{}\n{", 100),
            (b"\n{\"a\":\"xxxxxxxxxxxx\"}\n{}\n", 10),
            (b"{\n  \"a\": 1\n}\n", 100),
            (b"{\n  \"a\": 1\n}\n", 12),
            (b"  \n", 0),
        ] {
            let mut pieces = io::BufReader::with_capacity(3, input);
            assert_eq!(kind_of(&mut pieces, max), kind(input, max), "{input:?}");
        }
    }

    #[test]
    fn a_line_holds_at_most_the_limit() {
        let zeros = vec![0u8; 1 << 20];
        let mut input = io::BufReader::with_capacity(1000, &zeros[..]);
        let mut line = Vec::new();
        assert_eq!(read_line_within(&mut input, 100_001, &mut line).unwrap(), 100_001);
        assert!(line.capacity() <= 100_001, "{}", line.capacity());
        let mut line = b"ab".to_vec();
        assert_eq!(read_line_within(&mut &b"cd\nef"[..], 100, &mut line).unwrap(), 3);
        assert_eq!(line, b"abcd\n");
    }

    #[test]
    fn sizes_take_units() {
        assert_eq!(parse_size("4000"), Ok(4000));
        assert_eq!(parse_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_size("1GB"), Ok(1_000_000_000));
        assert_eq!(parse_record_size("1k"), Ok(1000));
        assert_eq!(
            parse_size("lots").unwrap_err(),
            "invalid digit found in string: give bytes, or a size such as 64MiB or 1GB"
        );
        for small in [
            "0",
            "0.0001k",
            "0KiB",
            "0.5",
            "0.5B",
            "0.999_999",
            "9.99e-1",
            "1e-1",
            "0.0009765624KiB",
            "5e-19E",
        ] {
            assert_eq!(
                parse_size(small).unwrap_err(),
                format!("`{small}` is less than 1 byte, and every input would be over it: give at least 1 byte")
            );
        }
        for (one, bytes) in [
            ("1", 1),
            ("1.4", 1),
            ("1.5", 2),
            ("0.001k", 1),
            ("0.0009765625KiB", 1),
            ("1e0", 1),
            ("10e-1", 1),
            ("1e-18E", 1),
            ("0.5KiB", 512),
        ] {
            assert_eq!(parse_size(one), Ok(bytes), "{one}");
        }
        assert_eq!(parse_record_size("0"), parse_size("0").map(|_| 0));
    }
}
