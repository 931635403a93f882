//! What the counts of a hierarchy import must satisfy: the relations
//! between them ([`RELATIONS`]) and the message the server sends with them
//! ([`write_message`], [`message_is`]).

use std::fmt;

use crate::HierarchyRowsProcessed;

/// One piece of the message the server sends with hierarchy counts.
pub(super) enum Piece {
    Text(&'static str),
    Name,
    /// An index into [`HierarchyRowsProcessed::counts`].
    Count(usize),
}

/// `Employees: 90 (0/90) rows successful`
pub(super) const SUCCESSFUL: [Piece; 8] = [
    Piece::Name,
    Piece::Text(": "),
    Piece::Count(0),
    Piece::Text(" ("),
    Piece::Count(1),
    Piece::Text("/"),
    Piece::Count(2),
    Piece::Text(") rows successful"),
];

/// `, 2 (1/1) rows has warnings, 3 failed`, in the form with failures.
pub(super) const WARNINGS_FAILED: [Piece; 9] = [
    Piece::Text(", "),
    Piece::Count(3),
    Piece::Text(" ("),
    Piece::Count(4),
    Piece::Text("/"),
    Piece::Count(5),
    Piece::Text(") rows has warnings, "),
    Piece::Count(6),
    Piece::Text(" failed"),
];

/// `, 5 ignored`
pub(super) const IGNORED: [Piece; 3] = [Piece::Text(", "), Piece::Count(7), Piece::Text(" ignored")];

/// The pieces of the message: the short form, or the form with warning and
/// failed rows.
pub(super) fn message_pieces(with_failures: bool) -> impl Iterator<Item = &'static Piece> {
    let middle: &[Piece] = if with_failures { &WARNINGS_FAILED } else { &[] };
    SUCCESSFUL.iter().chain(middle).chain(&IGNORED)
}

/// Writes the message the server sends with these counts.
pub(super) fn write_message(out: &mut String, h: &HierarchyRowsProcessed, with_failures: bool) {
    let counts = h.counts();
    for piece in message_pieces(with_failures) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Name => out.push_str(&h.hierarchy_name),
            Piece::Count(i) => {
                let _ = fmt::Write::write_fmt(out, format_args!("{}", counts[*i].1));
            }
        }
    }
}

/// The hierarchy counts with their keys, as [`HierarchyRowsProcessed::counts`]
/// gives them.
pub(super) type Counts = [(&'static str, u64); 15];

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
            Piece::Count(i) => {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let (number, after) = rest.split_at(digits);
                if crate::values::parse_count("", 0, number).ok() != Some(counts[*i].1) {
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

/// The relations between hierarchy counts that hold in every known sample:
/// the sum of the left-hand keys equals the right-hand key.
/// Indexes into [`HierarchyRowsProcessed::counts`].
pub(super) const RELATIONS: [(&[usize], usize); 7] = {
    const SUCCESS: usize = 0;
    const SUCCESS_CREATE: usize = 1;
    const SUCCESS_UPDATE: usize = 2;
    const WARNINGS: usize = 3;
    const WARNINGS_CREATE: usize = 4;
    const WARNINGS_UPDATE: usize = 5;
    const FAILED: usize = 6;
    const IGNORED: usize = 7;
    const TOTAL: usize = 8;
    const TOTAL_CREATE: usize = 9;
    const TOTAL_UPDATE: usize = 10;
    const UPDATED: usize = 12;
    const CREATED: usize = 14;
    [
        (&[SUCCESS, WARNINGS, FAILED, IGNORED], TOTAL),
        (&[SUCCESS_CREATE, SUCCESS_UPDATE], SUCCESS),
        (&[WARNINGS_CREATE, WARNINGS_UPDATE], WARNINGS),
        (&[SUCCESS_CREATE, WARNINGS_CREATE], TOTAL_CREATE),
        (&[SUCCESS_UPDATE, WARNINGS_UPDATE], TOTAL_UPDATE),
        (&[TOTAL_CREATE], CREATED),
        (&[TOTAL_UPDATE], UPDATED),
    ]
};

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
            write_message(&mut text, &h, with_failures);
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
        write_message(&mut short, &h, false);
        assert_eq!(short, "Employees: 90 (0/90) rows successful, 5 ignored");
        let mut long = String::new();
        write_message(&mut long, &h, true);
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
