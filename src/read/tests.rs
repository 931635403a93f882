//! Tests of the lean reader: it reads what serde_json reads, the same way,
//! and refuses the rest; its byte scanning and `values` arrays.

use serde_json::Value;

use super::flat::Flat;
use super::scan::{SPECIAL, plain_run, same};
use super::{Bail, lean_str};

/// What this reader gives, checked against serde_json: the same value,
/// or a refusal.
fn agrees(text: &str) -> bool {
    let fast = lean_str::<Value>(text).ok();
    let slow = serde_json::from_str::<Value>(text).ok();
    if let Some(v) = &fast {
        assert_eq!(Some(v), slow.as_ref(), "{text}");
    }
    fast.is_some()
}

#[test]
fn flat_counts_are_exactly_the_plain_decimal_counts() {
    for count in [
        "0",
        "7",
        "90",
        "00",
        "01",
        "-1",
        "+1",
        "1a",
        "",
        " 1",
        "1 ",
        "1.0",
        "1234567890123456789",
        "9999999999999999999",
        "12345678901234567890",
        "18446744073709551616",
    ] {
        let text = format!(r#"["{count}"]"#);
        let (mut flat, empty) = Flat::open(&text).unwrap().unwrap();
        assert!(!empty);
        // Plain decimal text: digits only, no leading zero; longer counts
        // are left to the count parser, which has the overflow check.
        let plain = !count.starts_with(['0', '+']) || count == "0";
        let expected = count.parse::<u64>().ok().filter(|_| plain && count.len() <= 19);
        assert_eq!(flat.count(), expected, "{count:?}");
        if expected.is_none() {
            // Nothing was read: the element is still there as text.
            assert_eq!(flat.element().unwrap(), Some(count), "{count:?}");
        }
        assert!(!flat.more().unwrap());
        assert_eq!(flat.used(), text.len());
    }
}

#[test]
fn flat_reads_strings_nulls_and_white_space() {
    let text = r#"[ "a" , null,"b\"c","é" ]  tail"#;
    let (mut flat, empty) = Flat::open(text).unwrap().unwrap();
    assert!(!empty);
    let mut seen = Vec::new();
    loop {
        seen.push(flat.element().unwrap().map(str::to_owned));
        if !flat.more().unwrap() {
            break;
        }
    }
    assert_eq!(seen, [Some("a".into()), None, Some("b\"c".into()), Some("é".into())]);
    assert_eq!(&text[flat.used()..], "  tail");
    // A count after white space, as in pretty-printed captures.
    let (mut flat, _) = Flat::open("[\n  \"k\",\n  \"12\"\n]").unwrap().unwrap();
    assert_eq!(flat.element().unwrap(), Some("k"));
    assert!(flat.more().unwrap());
    assert_eq!(flat.count(), Some(12));
    assert!(!flat.more().unwrap());
    assert_eq!(Flat::open("null,").unwrap().err(), Some(4));
    assert!(Flat::open(" [ ] ").unwrap().unwrap().1);
    for bad in ["", "{}", "[1]", "[\"a\" \"b\"]", "[\"a\",]", "[\"a"] {
        let refused = match Flat::open(bad) {
            Err(Bail) => true,
            Ok(Err(_)) => false,
            Ok(Ok((mut flat, _))) => (|| {
                loop {
                    flat.element()?;
                    if !flat.more()? {
                        return Ok::<(), Bail>(());
                    }
                }
            })()
            .is_err(),
        };
        assert!(refused, "{bad:?}");
    }
}

#[test]
fn reads_what_serde_json_reads() {
    for text in [
        r#"{"a":[1,2.5,-3,0,1e3,true,false,null,"x"],"b":{}}"#,
        " [ ] ",
        r#""tab\there \"quoted\" \\ \/ \u00e9 \ud83d\ude00""#,
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "0.1",
        "1.0",
        "-0",
        r#"{"é":"ü"}"#,
    ] {
        assert!(agrees(text), "refused {text}");
    }
}

#[test]
fn refuses_what_serde_json_refuses_or_is_unusual() {
    for text in [
        "",
        "01",
        "1.",
        "[1,]",
        r#"{"a":1,}"#,
        "[1 2]",
        r#"{"a" 1}"#,
        "nul",
        "[1]x",
        "\"\u{1}\"",
        r#""\ud800""#,
        r#""\x""#,
        "1e999",
        &"[".repeat(101),
    ] {
        assert!(!agrees(text), "accepted {text:?}");
    }
}

#[test]
fn same_compares_every_byte() {
    for n in 0..30 {
        let a: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
        assert!(same(&a, &a.clone()), "{n}");
        for at in 0..n {
            let mut b = a.clone();
            b[at] ^= 0x20;
            assert!(!same(&a, &b), "{n} bytes, differing at {at}");
        }
        assert!(!same(&a, &a[..n.saturating_sub(1)]) || n == 0);
    }
}

#[test]
fn plain_runs_end_at_the_first_special_byte() {
    // Every byte value, in every lane of the eight-byte scan and in the
    // byte-by-byte tail.
    for byte in 0..=u8::MAX {
        for at in 0..20 {
            let mut bytes = vec![b'a'; 20];
            bytes[at] = byte;
            let expected = if SPECIAL[usize::from(byte)] { at } else { 20 };
            assert_eq!(plain_run(&bytes), expected, "{byte:#x} at {at}");
        }
    }
    for special in [b'"', b'\\', 0x00, 0x1f] {
        for at in 0..20 {
            let mut bytes = vec![b'a'; 20];
            bytes[at] = special;
            // bytes past the special one must not matter
            if at + 1 < bytes.len() {
                bytes[at + 1] = 0x80;
            }
            assert_eq!(plain_run(&bytes), at, "{special:#x} at {at}");
        }
    }
    assert_eq!(plain_run("éééééé\"abcdefgh".as_bytes()), 12);
    assert_eq!(plain_run(b"abc"), 3);
    assert_eq!(plain_run(b"abcdefghij"), 10);
    assert_eq!(plain_run(&[0x7f, 0x20, b'!', b'#', b'[', b']', 0xff, 0xc3]), 8);
}

#[test]
fn stops_before_serde_json_depth_limit() {
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(agrees(&nested(100)));
    assert!(!agrees(&nested(101)));
}
