//! Tests of the decoding of `values`: counts, keys, the quick reading.

use super::count::parse_count_slow;
use super::engine::{MAX_TEXTS, Shape};
use super::*;
use crate::codes::Code;

#[test]
fn counts_parse_like_the_standard_library() {
    for text in [
        "0",
        "7",
        "90",
        "1234567890123456789",
        "9999999999999999999",
        "18446744073709551615",
        "18446744073709551616",
        "00",
        "01",
        "-1",
        "-0",
        "",
        "1a",
        "+1",
        " 1",
        "1.0",
        "٣",
    ] {
        let plain = !text.starts_with('0') || text == "0";
        let expected = text.parse::<u64>().ok().filter(|_| plain && !text.starts_with('+'));
        assert_eq!(parse_count("k", 0, text).ok(), expected, "{text:?}");
    }
}

#[test]
fn only_a_count_below_zero_is_called_negative() {
    let code = |text| parse_count_slow("k", 0, text).unwrap_err().code();
    assert_eq!(code("-3"), Code::CountNegative);
    assert_eq!(code("-03"), Code::CountNegative);
    for text in ["-0", "-00", "-", "--1", "+0"] {
        assert_eq!(code(text), Code::CountNotDecimal, "{text:?}");
    }
}

#[test]
fn specs_find_every_key_and_put_text_first() {
    for spec in TypedKind::ALL.map(TypedKind::spec) {
        for (i, k) in spec.keys.iter().enumerate() {
            assert_eq!((spec.index)(k.name), Some(i), "{}", k.name);
            let text = matches!(k.shape, Shape::Text | Shape::NullableText);
            assert_eq!(text, i < MAX_TEXTS && text, "{}: text keys come first", k.name);
        }
        assert_eq!((spec.index)("noSuchKey"), None);
    }
}

/// Each struct's table of keys, its `match` from key to place, how it is
/// built and how it is written back agree: an array of every key in the
/// table's order, each with its own value, reads and writes back as itself,
/// and the hierarchy's counts come in the same order.
#[test]
fn each_struct_writes_back_what_it_read_in_the_order_of_its_keys() {
    for kind in TypedKind::ALL {
        let values: Vec<Option<String>> = (kind.spec().keys.iter().enumerate())
            .flat_map(|(i, k)| {
                let value = match k.shape {
                    Shape::Count => (100 + i).to_string(),
                    Shape::Text | Shape::NullableText => format!("text {i}"),
                };
                [Some(k.name.to_owned()), Some(value)]
            })
            .collect();
        let typed = kind.decode_slice(&values).unwrap();
        assert_eq!(typed.to_values(), values, "{kind:?}");
        if let DetailValues::HierarchyRowsProcessed(h) = &typed {
            for (i, (key, n)) in h.counts().into_iter().enumerate() {
                assert_eq!(key, HierarchyRowsProcessed::KEYS[1 + i]);
                assert_eq!(n, 101 + i as u64, "{key}");
            }
        }
    }
}

/// The quick reading tries the key after the last known one first, in
/// place; it must read exactly what the pairs say, in any order.
#[test]
fn predicted_keys_read_like_any_others() {
    let kind = TypedKind::Hierarchy;
    let names: Vec<&str> = kind.spec().keys.iter().map(|k| k.name).collect();
    let pairs = |order: &[usize]| -> Vec<Option<String>> {
        order
            .iter()
            .flat_map(|&i| {
                let value = if i == 0 {
                    "Employees".to_owned()
                } else {
                    (i * 7).to_string()
                };
                [Some(names[i].to_owned()), Some(value)]
            })
            .collect()
    };
    let in_order: Vec<usize> = (0..names.len()).collect();
    let mut reversed = in_order.clone();
    reversed.reverse();
    let skipping: Vec<usize> = (0..names.len()).step_by(2).chain((1..names.len()).step_by(2)).collect();
    let mut cases: Vec<String> = [&in_order, &reversed, &skipping]
        .iter()
        .map(|order| serde_json::to_string(&pairs(order)).unwrap())
        .collect();
    let text = &cases[0].clone();
    // A known key again right after itself, and again later; an
    // unknown key between known ones; white space before a key; a key
    // with an escape; a key that the predicted one is a prefix of.
    cases.push(text.replacen(
        r#""successRowCount","7","#,
        r#""successRowCount","7","successRowCount","7","#,
        1,
    ));
    cases.push(text.replacen(r#""failedCount""#, r#""futureCount","1","failedCount""#, 1));
    cases.push(text.replacen(r#","successRowCount""#, r#", "successRowCount""#, 1));
    cases.push(text.replacen(r#""successRowCount""#, r#""success\u0052owCount""#, 1));
    cases.push(text.replacen(
        r#""successRowCount","7","#,
        r#""successRowCountX","7","successRowCount","7","#,
        1,
    ));
    // The predicted key already seen: a duplicate, refused.
    cases.push(text.replacen('[', r#"["successCreateCount","14","#, 1));
    for case in &cases {
        let raw: Vec<Option<String>> = serde_json::from_str(case).unwrap();
        let expected = kind.decode_slice(&raw).ok();
        let quick = ValuesSeed::new(Some(kind)).read_rest(case).ok();
        match quick {
            Some((values, used)) => {
                assert_eq!(used, case.len(), "{case}");
                assert_eq!(values, expected, "{case}");
            }
            // Giving up is allowed only where the slice reading fails.
            None => assert_eq!(expected, None, "{case}"),
        }
    }
}

/// The codes of [`TypedKind`] in `values/list.rs` and `DetailCode::typed`
/// agree, and [`TypedKind::ALL`] has every kind that a code names.
#[test]
fn detail_codes_map_to_the_listed_kinds() {
    for code in crate::DetailCode::KNOWN {
        let listed = TypedKind::ALL.into_iter().find(|k| k.codes().contains(&code.as_str()));
        assert_eq!(code.typed(), listed, "{code}");
    }
    for kind in TypedKind::ALL {
        for &code in kind.codes() {
            assert_eq!(crate::DetailCode::from_wire(code).typed(), Some(kind), "{code}");
        }
    }
}
