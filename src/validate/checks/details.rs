//! The checks of a result's details: unknown detail codes
//! (`unknown-detail-code`), `values` arrays of unknown shape (the
//! `values-*` and `count-*` codes), unknown `values` keys
//! (`unknown-values-key`), and the counts of a hierarchy import
//! (`count-mismatch`, `message-mismatch`).

use std::borrow::Cow;

use super::{At, Checker};
use crate::locate::Entry;
use crate::validate::Code;
use crate::validate::counts::{Counts, RELATIONS, message_is, write_message};
use crate::{Detail, DetailClass, DetailCode, DetailValues, HierarchyRowsProcessed, Pair};

impl Checker<'_> {
    /// One detail of a result.
    pub(super) fn detail(&mut self, d: &Detail, at: &At<'_>) {
        if d.code.class() == DetailClass::Unknown {
            self.push(
                Code::UnknownDetailCode,
                &at.key("type"),
                format!("unknown detail code `{}`", crate::text::snippet(d.code.as_str())),
            );
        }
        // Every typed struct's unknown keys, whichever it is.
        if let Some(values) = &d.values {
            self.other_keys(values.other(), at);
        }
        match &d.values {
            Some(DetailValues::HierarchyRowsProcessed(h)) => {
                let counts = h.counts();
                self.counts(&counts, at);
                self.message(d, h, &counts, at);
            }
            Some(DetailValues::Raw(raw)) if !raw.is_empty() => {
                if let Err(e) = crate::values::check_pairs(raw) {
                    // At the entry it is about, as for typed values; an odd
                    // length at the array.
                    let values = at.key("values");
                    let place = e.entry_index().map(|i| values.index(i));
                    self.push(Code::from(&e), place.as_ref().unwrap_or(&values), e.to_string());
                }
            }
            // Line items and exports are checked for unknown keys only, and
            // an empty array not at all.
            Some(DetailValues::LineItemRowsProcessed(_) | DetailValues::ExportSucceeded(_) | DetailValues::Raw(_))
            | None => {}
        }
        self.extra(&d.extra, at);
    }

    /// One finding for the unknown keys of a `values` array, at the first.
    fn other_keys(&mut self, other: &[Pair], at: &At<'_>) {
        let Some(first) = other.first() else {
            return;
        };
        let names = other.iter().map(|p| p.key.as_str());
        let message = super::listing("unknown key", "unknown keys", " in values", names, other.len());
        let entry = Entry::Key(Cow::Owned(first.key.clone()));
        self.push_entry(Code::UnknownValuesKey, &at.key("values"), Some(entry), message);
    }

    /// The relations between hierarchy counts: one finding for each that
    /// does not hold, at the value of its right-hand key.
    fn counts(&mut self, counts: &Counts, at: &At<'_>) {
        for (lhs, rhs) in RELATIONS {
            let sum: u128 = lhs.iter().map(|&i| u128::from(counts[i].1)).sum();
            let (rhs_key, expected) = counts[rhs];
            if sum == u128::from(expected) {
                continue;
            }
            let message = if let [only] = lhs {
                format!("{} is {sum}, but {rhs_key} is {expected}", counts[*only].0)
            } else {
                let keys: Vec<&str> = lhs.iter().map(|&i| counts[i].0).collect();
                let terms: Vec<String> = lhs.iter().map(|&i| counts[i].1.to_string()).collect();
                format!(
                    "{} = {} = {sum}, but {rhs_key} is {expected}",
                    keys.join(" + "),
                    terms.join(" + ")
                )
            };
            let entry = Entry::ValueOf(Cow::Borrowed(rhs_key));
            self.push_entry(Code::CountMismatch, &at.key("values"), Some(entry), message);
        }
    }

    /// The message sent with hierarchy counts against the counts.
    fn message(&mut self, d: &Detail, h: &HierarchyRowsProcessed, counts: &Counts, at: &At<'_>) {
        let Some(text) = &d.local_message_text else {
            return;
        };
        let said = text.trim_end();
        if message_is(said, h, counts) {
            return;
        }
        let with_failures = d.code == DetailCode::HierarchyRowsProcessedWithFailures;
        // The name is input text: cut and escaped as the message is.
        let name = crate::text::snippet(&h.hierarchy_name);
        let mut expected = String::new();
        write_message(&mut expected, h, &name, with_failures);
        self.push(
            Code::MessageMismatch,
            &at.key("localMessageText"),
            format!(
                "the message says \"{}\" but the counts say \"{expected}\"",
                crate::text::snippet(said)
            ),
        );
    }
}
