//! Property tests: encoding and decoding agree, key order does not matter,
//! and no input makes the crate panic.

use anaplan_task::UnknownFields;
use anaplan_task::{
    Detail, DetailCode, DetailValues, Document, ExportSucceeded, HierarchyRowsProcessed, LineItemRowsProcessed, Meta,
    ObjectId, Pair, Progress, Status, Task, TaskResponse, TaskResult, TaskState,
};
use proptest::prelude::*;
use serde_json::value::RawValue;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![4 => "[A-Za-z0-9 ._-]{0,12}", 1 => any::<String>()]
}

/// A key none of the typed structs knows.
fn other_key() -> impl Strategy<Value = String> {
    "[a-z][A-Za-z]{0,10}".prop_filter("a key a typed struct knows", |k| {
        !HierarchyRowsProcessed::KEYS.contains(&k.as_str())
            && !LineItemRowsProcessed::KEYS.contains(&k.as_str())
            && !ExportSucceeded::KEYS.contains(&k.as_str())
    })
}

fn other_pairs() -> impl Strategy<Value = Vec<Pair>> {
    proptest::collection::btree_map(other_key(), proptest::option::of(text()), 0..3)
        .prop_map(|m| m.into_iter().map(|(key, value)| Pair { key, value }).collect())
}

pub(crate) fn hierarchy() -> impl Strategy<Value = HierarchyRowsProcessed> {
    (text(), proptest::array::uniform15(any::<u64>()), other_pairs()).prop_map(|(name, c, other)| {
        let mut h = HierarchyRowsProcessed::new(name);
        h.success_row_count = c[0];
        h.success_create_count = c[1];
        h.success_update_count = c[2];
        h.warnings_row_count = c[3];
        h.warnings_create_count = c[4];
        h.warnings_update_count = c[5];
        h.failed_count = c[6];
        h.ignored_count = c[7];
        h.total_row_count = c[8];
        h.total_create_count = c[9];
        h.total_update_count = c[10];
        h.invalid_count = c[11];
        h.updated_count = c[12];
        h.renamed_count = c[13];
        h.created_count = c[14];
        h.other = other;
        h
    })
}

/// A state or code text that the crate does not know.
fn unknown_word(known: &'static [&'static str]) -> impl Strategy<Value = String> {
    "[A-Za-z_]{1,16}".prop_filter("a known word", move |s| !known.contains(&s.as_str()))
}

fn state() -> impl Strategy<Value = TaskState> {
    const KNOWN: &[&str] = &["NOT_STARTED", "IN_PROGRESS", "COMPLETE", "CANCELLING", "CANCELLED"];
    prop_oneof![
        4 => proptest::sample::select(TaskState::KNOWN.to_vec()),
        1 => unknown_word(KNOWN).prop_map(|s| TaskState::from_wire(&s)),
    ]
}

pub(crate) fn detail() -> impl Strategy<Value = Detail> {
    let known_codes: Vec<DetailCode> = DetailCode::KNOWN
        .iter()
        .filter(|c| c.typed_name().is_none())
        .cloned()
        .collect();
    let raw_code = prop_oneof![
        proptest::sample::select(known_codes),
        "[a-z][A-Za-z]{0,20}".prop_filter_map("known code", |s| {
            let c = DetailCode::from_wire(&s);
            (!c.is_known()).then_some(c)
        }),
    ];
    let raw_values = proptest::collection::vec(proptest::option::of(text()), 0..6);
    let typed = prop_oneof![
        (hierarchy(), any::<bool>()).prop_map(|(h, with_failures)| {
            let code = if with_failures {
                DetailCode::HierarchyRowsProcessedWithFailures
            } else {
                DetailCode::HierarchyRowsProcessed
            };
            (code, DetailValues::HierarchyRowsProcessed(h))
        }),
        (text(), any::<u64>(), proptest::option::of(any::<u64>()), other_pairs()).prop_map(|(n, r, i, o)| {
            let mut l = LineItemRowsProcessed::new(n);
            l.row_count = r;
            l.ignored_count = i;
            l.other = o;
            (
                DetailCode::LineItemRowsProcessed,
                DetailValues::LineItemRowsProcessed(l),
            )
        }),
        (
            text(),
            proptest::option::of(proptest::option::of(text())),
            other_pairs()
        )
            .prop_map(|(n, a, o)| {
                let mut e = ExportSucceeded::new(n);
                e.server_alert = a;
                e.other = o;
                (DetailCode::ExportSucceeded, DetailValues::ExportSucceeded(e))
            }),
        (raw_code, raw_values).prop_map(|(c, v)| (c, DetailValues::Raw(v))),
    ];
    (
        typed,
        proptest::option::of(text()),
        proptest::option::of(any::<u64>()),
        any::<bool>(),
        extra(&["type", "localMessageText", "occurrences", "values"]),
    )
        .prop_map(|((code, values), text, occurrences, has_values, extra)| {
            let mut d = Detail::new(code);
            d.local_message_text = text;
            d.occurrences = occurrences;
            d.values = has_values.then_some(values);
            d.extra = extra;
            d
        })
}

/// The text of a JSON number as a server may spell it: leading `-`,
/// fractions with trailing zeros, exponents of any case and sign, more
/// digits than a double holds, beyond a double's range.
pub(crate) fn number_text() -> impl Strategy<Value = String> {
    "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,4})?([eE][+-]?[0-9]{1,3})?"
}

/// JSON text as a server may send it in a field the crate does not know:
/// odd number spellings, escapes, repeated keys, nested containers, white
/// space inside.
pub(crate) fn raw_json() -> impl Strategy<Value = String> {
    let string = prop_oneof![
        "\"[a-z ]{0,5}\"",
        Just(r#""\u0041\n\"\\\/""#.to_owned()),
        Just("\"é\\ud83d\\ude00\"".to_owned()),
    ];
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("false".to_owned()),
        number_text(),
        string,
    ];
    let key = prop_oneof![Just(r#""a""#), Just(r#""\u0061""#), Just(r#""b""#)];
    leaf.prop_recursive(3, 16, 4, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(" , "))),
            proptest::collection::vec((key.clone(), inner), 0..4).prop_map(|v| {
                let members: Vec<String> = v.into_iter().map(|(k, v)| format!("{k}: {v}")).collect();
                format!("{{{}}}", members.join(","))
            }),
        ]
    })
}

/// Unknown fields, none named like a known one, a name possibly repeated.
fn extra(known: &'static [&'static str]) -> impl Strategy<Value = UnknownFields> {
    proptest::collection::vec(("[a-z][A-Za-z]{0,8}|zz", raw_json()), 0..3).prop_map(move |fields| {
        fields
            .into_iter()
            .filter(|(k, _)| !known.contains(&k.as_str()))
            .map(|(k, v)| (k, RawValue::from_string(v).unwrap()))
            .collect()
    })
}

fn object_id() -> impl Strategy<Value = ObjectId> {
    "(112|116|117|118|999)[0-9]{9}".prop_map(ObjectId::new)
}

fn result() -> impl Strategy<Value = TaskResult> {
    let leaf = result_fields(Just(None).boxed());
    leaf.prop_recursive(2, 8, 3, |inner| {
        result_fields(proptest::option::of(proptest::collection::vec(inner, 0..3)).boxed())
    })
}

fn result_fields(nested: BoxedStrategy<Option<Vec<TaskResult>>>) -> BoxedStrategy<TaskResult> {
    (
        (
            any::<bool>(),
            any::<bool>(),
            proptest::option::of(object_id()),
            proptest::option::of(text()),
        ),
        proptest::option::of(proptest::collection::vec(detail(), 0..3)),
        nested,
        (proptest::option::of("[0-9]{1,6}"), proptest::option::of("[0-9]{13}")),
        extra(&[
            "successful",
            "failureDumpAvailable",
            "objectId",
            "objectName",
            "details",
            "nestedResults",
            "duration",
            "startTime",
        ]),
    )
        .prop_map(|((ok, dump, id, name), details, nested, (duration, start), extra)| {
            let mut r = TaskResult::new(ok, dump);
            r.object_id = id;
            r.object_name = name;
            r.details = details;
            r.nested_results = nested;
            r.duration = duration;
            r.start_time = start;
            r.extra = extra;
            r
        })
        .boxed()
}

pub fn response() -> impl Strategy<Value = TaskResponse> {
    let progress = prop_oneof![
        (0u32..=1).prop_map(Progress::from),
        (0.0f64..=1.0).prop_map(|f| Progress::from(serde_json::Number::from_f64(f).unwrap())),
        "-0|0[eE][+-]?[0-9]{1,2}|0\\.[0-9]{1,4}([eE]-[0-9]{1,2})?|1(\\.0{1,3})?([eE][+-]?0)?|[1-9]e-[1-9][0-9]?"
            .prop_map(|t| serde_json::from_str::<Progress>(&t).unwrap()),
    ];
    (
        (
            "[0-9A-F]{32}|[a-z0-9]{0,8}",
            state(),
            proptest::option::of(text()),
            proptest::option::of(progress),
        ),
        proptest::option::of(result()),
        (
            proptest::option::of(any::<i64>()),
            proptest::option::of(text()),
            proptest::option::of(text()),
        ),
        extra(&[
            "taskId",
            "taskState",
            "currentStep",
            "progress",
            "result",
            "creationTime",
            "type",
            "cancelledBy",
        ]),
        (any::<bool>(), any::<bool>(), extra(&["meta", "status", "task"])),
    )
        .prop_map(
            |((id, state, step, progress), result, (created, kind, by), task_extra, (meta, status, extra))| {
                let mut task = Task::new(id, state);
                task.current_step = step;
                task.progress = progress;
                task.result = result;
                task.creation_time = created;
                task.task_type = kind;
                task.cancelled_by = by;
                task.extra = task_extra;
                let mut r = TaskResponse::new(task);
                r.meta = meta.then(|| Meta::new("https://api.anaplan.com/2/0/models/F1/objects/task"));
                r.status = status.then(Status::success);
                r.extra = extra;
                r
            },
        )
}

trait TypedName {
    fn typed_name(&self) -> Option<&'static str>;
}

impl TypedName for DetailCode {
    /// The detail types whose `values` decode into a typed struct.
    fn typed_name(&self) -> Option<&'static str> {
        match self {
            DetailCode::HierarchyRowsProcessed | DetailCode::HierarchyRowsProcessedWithFailures => Some("hierarchy"),
            DetailCode::LineItemRowsProcessed => Some("line item"),
            DetailCode::ExportSucceeded => Some("export"),
            _ => None,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// (a) Any hierarchy detail, its pairs in any order, decodes to itself.
    #[test]
    fn hierarchy_pairs_in_any_order(h in hierarchy(), seed in any::<u64>()) {
        let values = h.to_values();
        let mut pairs: Vec<_> = values.chunks(2).map(<[_]>::to_vec).collect();
        let n = pairs.len();
        // A permutation drawn from the seed.
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            pairs.swap(i, (s >> 33) as usize % (i + 1));
        }
        let shuffled: Vec<Option<String>> = pairs.concat();
        let mut decoded = HierarchyRowsProcessed::from_values(&shuffled).unwrap().unwrap();
        // Other pairs keep the order they came in; compare them as a set.
        decoded.other.sort();
        let mut expected = h.clone();
        expected.other.sort();
        prop_assert_eq!(decoded, expected.clone());

        // The same through a whole document, streamed.
        let mut detail = Detail::new(DetailCode::HierarchyRowsProcessed);
        detail.values = Some(DetailValues::Raw(shuffled));
        let mut result = TaskResult::new(true, false);
        result.details = Some(vec![detail]);
        let mut task = Task::new("1B1D84DDD53847BAA621810B593C3FC1", TaskState::Complete);
        task.result = Some(result);
        let json = serde_json::to_string(&TaskResponse::new(task)).unwrap();
        let back = TaskResponse::from_str(&json).unwrap();
        let got = back.task.result.unwrap().details.unwrap().remove(0).values;
        let Some(DetailValues::HierarchyRowsProcessed(mut got)) = got else { panic!("not typed: {got:?}") };
        got.other.sort();
        prop_assert_eq!(got, expected);
    }

    /// (b) decode(encode(response)) == response, unknown states, codes,
    /// keys and fields included.
    #[test]
    fn responses_round_trip(r in response()) {
        let json = serde_json::to_string(&r).unwrap();
        let back = TaskResponse::from_str(&json).unwrap();
        prop_assert_eq!(&back, &r);
        let doc = Document::from_str(&json).unwrap();
        prop_assert_eq!(serde_json::to_string(&doc).unwrap(), json);
    }

    /// (c) Any array of strings and nulls decodes or fails, never panics.
    #[test]
    fn arbitrary_values_never_panic(values in proptest::collection::vec(proptest::option::of(prop_oneof![
        proptest::sample::select(HierarchyRowsProcessed::KEYS.to_vec()).prop_map(String::from),
        "[0-9]{0,21}",
        "-?[0-9 .+]{0,4}",
        any::<String>(),
    ]), 0..40)) {
        let _ = HierarchyRowsProcessed::from_values(&values);
        let _ = LineItemRowsProcessed::from_values(&values);
        let _ = ExportSucceeded::from_values(&values);
        for code in ["hierarchyRowsProcessed", "lineItemRowsProcessed", "exportSucceeded", "x"] {
            let json = serde_json::json!({"task": {"taskId": "A", "taskState": "COMPLETE", "result": {
                "successful": true, "failureDumpAvailable": false,
                "details": [{"type": code, "values": values}, {"values": values, "type": code}]}}});
            let _ = Document::from_str(&json.to_string());
        }
    }

    /// (c) Any bytes read as a document fail cleanly or decode.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = Document::from_slice(&bytes);
    }

    /// (c) Damaged real documents fail cleanly or decode.
    #[test]
    fn damaged_seed_never_panics(cut in 0usize..2000, byte in any::<u8>(), at in 0usize..2000) {
        let mut seed = crate::util::fixture("valid/seed.json").into_bytes();
        let at = at % seed.len();
        seed[at] = byte;
        seed.truncate(cut.max(1).min(seed.len()));
        let _ = Document::from_slice(&seed);
    }

    /// The crate reads a document first with its own lean reader, then with
    /// serde_json only when that one gives up: edited real documents must
    /// read exactly as serde_json alone reads them, or fail with it.
    #[test]
    fn edited_documents_read_as_serde_json_reads_them(
        file in proptest::sample::select(crate::util::fixture_names("valid")),
        edits in proptest::collection::vec((0usize..4000, 0usize..4, proptest::sample::select(vec![
            "", " ", "\n", ",", ":", "[", "]", "{", "}", "\"", "\\", "\\\"", "\\u00e9", "\\ud83d\\ude00",
            "\\ud800", "\\n", "\\/", "\\x", "0", "-0", "01", "1.0", "1e3", "-1", "1.5e400",
            "18446744073709551616", "null", "true", "é", "\u{1}", "\"x\"", "\"x\":1,", "\\u0041",
        ])), 1..4),
    ) {
        let mut text = crate::util::fixture(&format!("valid/{file}"));
        for (at, remove, insert) in edits {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + remove).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(at..end, insert);
        }
        let theirs = serde_json::from_str::<Document>(&text).ok();
        prop_assert_eq!(&anaplan_task::from_str::<Document>(&text).ok(), &theirs, "{}", text);
        prop_assert_eq!(&Document::from_str(&text).ok(), &theirs, "{}", text);
        let theirs = serde_json::from_str::<TaskResponse>(&text).ok();
        prop_assert_eq!(&anaplan_task::from_str::<TaskResponse>(&text).ok(), &theirs, "{}", text);
        prop_assert_eq!(&TaskResponse::from_str(&text).ok(), &theirs, "{}", text);
    }

    /// (d) The state read from any string displays as that string.
    #[test]
    fn state_text_round_trips(s in any::<String>()) {
        prop_assert_eq!(s.parse::<TaskState>().unwrap().to_string(), s.clone());
        prop_assert_eq!(s.parse::<DetailCode>().unwrap().to_string(), s);
    }
}
