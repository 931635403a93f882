//! Captures kept as gzip files (`.json.gz`, `.ndjson.gz`, `.jsonl.gz`,
//! `.csv.gz`): read as the bytes they hold, streamed (flate2), so that
//! `--max-size` and `--max-record` count the bytes after decompression and
//! a bomb is refused in bounded memory. A damaged stream is an error that
//! says the byte of the file where it broke.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::bufread::GzDecoder;

/// Whether a file's name says it is gzip: `*.gz`, in any case.
pub fn is_gzip(path: &Path) -> bool {
    let bytes = path.as_os_str().as_encoded_bytes();
    bytes.len() > 3 && bytes[bytes.len() - 3..].eq_ignore_ascii_case(b".gz")
}

/// Opens a file to read the bytes it holds: decompressed when its name
/// ends in `.gz`, as it is otherwise.
pub fn open(path: &Path) -> io::Result<Box<dyn Read + Send>> {
    let file = File::open(path)?;
    Ok(if is_gzip(path) {
        Box::new(Gunzip::new(BufReader::with_capacity(64 * 1024, file)))
    } else {
        Box::new(file)
    })
}

/// The bytes a gzip stream holds (every member, as a rotated log
/// concatenates them), its errors naming the byte of the file where it
/// broke; bytes after a member that do not start another are an error too.
pub struct Gunzip<R: BufRead> {
    state: State<R>,
}

/// Where a gzip stream is.
enum State<R: BufRead> {
    /// Inside a member.
    Member(GzDecoder<Counted<R>>),
    /// Before a member, or at the end.
    Between(Counted<R>),
    /// Ended, or failed.
    Done,
}

impl<R: BufRead> Gunzip<R> {
    /// The bytes `input`, a gzip stream, holds.
    pub fn new(input: R) -> Self {
        Self {
            state: State::Between(Counted { inner: input, used: 0 }),
        }
    }

    /// After a member (or before the first): the next member, or the end.
    fn next_member(&mut self) -> io::Result<bool> {
        let State::Between(mut input) = std::mem::replace(&mut self.state, State::Done) else {
            return Ok(false);
        };
        let used = input.used;
        let next = anaplan_task::ndjson::fill(&mut input)?;
        if next.is_empty() && used == 0 {
            // gzip holds at least one member.
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the gzip stream ends early at byte 0: the file is empty",
            ));
        }
        if next.is_empty() {
            return Ok(false);
        }
        // A member starts with 1F 8B (RFC 1952, section 2.3.1).
        if next[0] != 0x1f || next.get(1).is_some_and(|&b| b != 0x8b) {
            let what = match used {
                0 => "the file is not gzip: it does not start with a gzip header (1F 8B)".to_owned(),
                at => format!("the gzip stream has bytes that are not gzip after its last member, from byte {at}"),
            };
            return Err(io::Error::new(io::ErrorKind::InvalidData, what));
        }
        self.state = State::Member(GzDecoder::new(input));
        Ok(true)
    }
}

impl<R: BufRead> Read for Gunzip<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            let State::Member(decoder) = &mut self.state else {
                if self.next_member()? {
                    continue;
                }
                return Ok(0);
            };
            match decoder.read(buf) {
                Ok(0) => {
                    // The member ended: what follows is another, or nothing.
                    if let State::Member(decoder) = std::mem::replace(&mut self.state, State::Done) {
                        self.state = State::Between(decoder.into_inner());
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let at = decoder.get_ref().used;
                    self.state = State::Done;
                    let what = match e.kind() {
                        io::ErrorKind::UnexpectedEof => "the gzip stream ends early",
                        _ => "the gzip stream is damaged",
                    };
                    return Err(io::Error::new(e.kind(), format!("{what} at byte {at}: {e}")));
                }
                read => return read,
            }
        }
    }
}

/// A reader that counts the bytes its reader took.
struct Counted<R> {
    inner: R,
    used: u64,
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.used += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.used += amt as u64;
        self.inner.consume(amt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn gunzip(bytes: &[u8]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        Gunzip::new(bytes).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn reads_every_member() {
        let mut two = gzip(b"{\"a\":1}\n");
        two.extend(gzip(b"{\"b\":2}\n"));
        assert_eq!(gunzip(&two).unwrap(), b"{\"a\":1}\n{\"b\":2}\n");
    }

    #[test]
    fn names_the_byte_where_it_broke() {
        let whole = gzip(&[b'x'; 10_000]);
        let cut = &whole[..whole.len() / 2];
        let err = gunzip(cut).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);
        assert!(
            err.to_string()
                .starts_with(&format!("the gzip stream ends early at byte {}", cut.len())),
            "{err}"
        );
        let mut damaged = whole.clone();
        damaged[12] ^= 0xff;
        let err = gunzip(&damaged).unwrap_err();
        assert!(
            err.to_string().starts_with("the gzip stream is damaged at byte "),
            "{err}"
        );
        assert_eq!(
            gunzip(b"not gzip").unwrap_err().to_string(),
            "the file is not gzip: it does not start with a gzip header (1F 8B)"
        );
    }

    #[test]
    fn names_bytes_after_the_last_member() {
        let one = gzip(b"{}\n");
        for tail in [&b"garbage\n"[..], b"x", b"\x1f\x00 more"] {
            let mut after = one.clone();
            after.extend_from_slice(tail);
            assert_eq!(
                gunzip(&after).unwrap_err().to_string(),
                format!(
                    "the gzip stream has bytes that are not gzip after its last member, from byte {}",
                    one.len()
                ),
                "{tail:?}"
            );
        }
        // An empty member holds nothing; an empty file is no gzip stream.
        let mut empty_first = gzip(b"");
        empty_first.extend(gzip(b"{}\n"));
        assert_eq!(gunzip(&empty_first).unwrap(), b"{}\n");
        assert_eq!(
            gunzip(b"").unwrap_err().to_string(),
            "the gzip stream ends early at byte 0: the file is empty"
        );
    }

    #[test]
    fn is_told_by_its_name() {
        assert!(is_gzip(Path::new("a.json.GZ")));
        assert!(!is_gzip(Path::new(".gz")));
        assert!(!is_gzip(Path::new("a.json")));
    }
}
