//! Checking what the counts of a hierarchy import must satisfy: the
//! relations between them ([`RELATIONS`]) and the message the server sends
//! with them ([`write_message`], [`message_is`]). Both are declared with
//! the struct, in `values/hierarchy.rs`, naming the counts by field.

use std::fmt;

use crate::HierarchyRowsProcessed;
pub(super) use crate::values::hierarchy::{Counts, RELATIONS};
use crate::values::hierarchy::{IGNORED, Piece, SUCCESSFUL, WARNINGS_FAILED};

/// The pieces of the message: the short form, or the form with warning and
/// failed rows.
pub(super) fn message_pieces(with_failures: bool) -> impl Iterator<Item = &'static Piece> {
    let middle: &[Piece] = if with_failures { &WARNINGS_FAILED } else { &[] };
    SUCCESSFUL.iter().chain(middle).chain(&IGNORED)
}

/// Writes the message the server sends with these counts, with `name` in
/// the place of the hierarchy's name (the name itself, or a cut of it for
/// a report line).
pub(super) fn write_message(out: &mut String, h: &HierarchyRowsProcessed, name: &str, with_failures: bool) {
    let counts = h.counts();
    for piece in message_pieces(with_failures) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Name => out.push_str(name),
            Piece::Count(c) => {
                let _ = fmt::Write::write_fmt(out, format_args!("{}", counts[*c].1));
            }
        }
    }
}

/// Whether `said` is the message of these counts, in either form: compared
/// piece by piece, counts read as numbers, without allocating or
/// formatting.
pub(super) fn message_is(said: &str, h: &HierarchyRowsProcessed, counts: &Counts) -> bool {
    let mut rest = said;
    if !eat(&mut rest, &SUCCESSFUL, h, counts) {
        return false;
    }
    let after_successful = rest;
    if eat(&mut rest, &IGNORED, h, counts) && rest.is_empty() {
        return true;
    }
    rest = after_successful;
    eat(&mut rest, &WARNINGS_FAILED, h, counts) && eat(&mut rest, &IGNORED, h, counts) && rest.is_empty()
}

/// Reads `pieces` from the start of `rest`, moving past them; false when
/// the text differs.
#[inline(always)]
pub(super) fn eat(rest: &mut &str, pieces: &[Piece], h: &HierarchyRowsProcessed, counts: &Counts) -> bool {
    for piece in pieces {
        let expected = match piece {
            Piece::Text(t) => t,
            Piece::Name => h.hierarchy_name.as_str(),
            Piece::Count(c) => {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let (number, after) = rest.split_at(digits);
                if crate::values::parse_count("", 0, number).ok() != Some(counts[*c].1) {
                    return false;
                }
                *rest = after;
                continue;
            }
        };
        match rest.strip_prefix(expected) {
            Some(after) => *rest = after,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// The matcher accepts exactly the text the template writes, in
        /// either form, whatever the name and the counts.
        #[test]
        fn the_written_message_matches(
            name in ".{0,12}",
            counts in proptest::array::uniform8(prop_oneof![0..3u64, 0..1000u64, any::<u64>()]),
            with_failures: bool,
            cut in 0usize..200,
        ) {
            let mut h = HierarchyRowsProcessed::new(name);
            h.success_row_count = counts[0];
            h.success_create_count = counts[1];
            h.success_update_count = counts[2];
            h.warnings_row_count = counts[3];
            h.warnings_create_count = counts[4];
            h.warnings_update_count = counts[5];
            h.failed_count = counts[6];
            h.ignored_count = counts[7];
            let mut text = String::new();
            write_message(&mut text, &h, &h.hierarchy_name, with_failures);
            prop_assert!(message_is(&text, &h, &h.counts()), "{text}");
            // Any shorter text is not the message.
            let mut cut = cut.min(text.len() - 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            prop_assert!(!message_is(&text[..cut], &h, &h.counts()), "{text}");
        }
    }

    #[test]
    fn messages_match_exactly_what_is_written() {
        let mut h = HierarchyRowsProcessed::new("Employees");
        h.success_row_count = 90;
        h.success_update_count = 90;
        h.ignored_count = 5;
        h.warnings_row_count = 12;
        h.warnings_create_count = 2;
        h.warnings_update_count = 10;
        h.failed_count = 3;
        let mut short = String::new();
        write_message(&mut short, &h, &h.hierarchy_name, false);
        assert_eq!(short, "Employees: 90 (0/90) rows successful, 5 ignored");
        let mut long = String::new();
        write_message(&mut long, &h, &h.hierarchy_name, true);
        assert_eq!(
            long,
            "Employees: 90 (0/90) rows successful, 12 (2/10) rows has warnings, 3 failed, 5 ignored"
        );
        assert!(message_is(&short, &h, &h.counts()));
        assert!(message_is(&long, &h, &h.counts()));
        for wrong in [
            "Employees: 90 (0/90) rows successful, 5 ignored.",
            "Employees: 90 (0/90) rows successful, 50 ignored",
            "Employees: 9 (0/90) rows successful, 5 ignored",
            "Employee: 90 (0/90) rows successful, 5 ignored",
            "Employees: 90 (0/90) rows successful",
            "Employees: 090 (0/90) rows successful, 5 ignored",
            "Employees: 90 (0/90) rows successful, 12 (2/10) rows has warnings, 4 failed, 5 ignored",
            "Employees: 90 (0/90) rows successful, 12 (2/10) rows has warnings, 3 failed",
            "Employees: 90 (0/90) rows successful, 5 ignored, 5 ignored",
            "Employees: 18446744073709551706 (0/90) rows successful, 5 ignored",
            "",
        ] {
            assert!(!message_is(wrong, &h, &h.counts()), "{wrong}");
        }
    }
}
