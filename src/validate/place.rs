//! Placing findings in the text: a finding as the checks make it
//! ([`Raw`], a path of segments) becomes a [`Finding`] with its rendered
//! path and, when the input is at hand, its line and column.

use super::{Code, Finding, Severity};
use crate::locate::{self, Seg};

/// A finding before it is placed in the input.
pub(super) struct Raw {
    pub(super) severity: Severity,
    pub(super) code: Code,
    pub(super) path: Vec<Seg>,
    /// For a finding about one entry of a `values` array: which.
    pub(super) key: Option<locate::Entry>,
    pub(super) message: String,
}

/// Bytes the locator may scan to place the findings of one document, as a
/// multiple of its size: past that, findings keep their path but no line
/// and column, so that placing them stays linear in the input.
const LOCATE_BUDGET: usize = 16;

/// Places the findings of one document in `text`, its source, or only
/// renders their paths when the source is not at hand.
pub(super) fn place_all(raw: Vec<Raw>, text: Option<&[u8]>) -> Vec<Finding> {
    let mut budget = match text {
        Some(text) => LOCATE_BUDGET.saturating_mul(text.len()).saturating_add(1 << 20),
        None => 0,
    };
    raw.into_iter().map(|raw| raw.place(text, &mut budget)).collect()
}

impl Raw {
    /// Places the finding in `text`, spending from `budget` the bytes scanned.
    fn place(self, text: Option<&[u8]>, budget: &mut usize) -> Finding {
        let mut path = self.path;
        let mut at = None;
        if let Some(text) = text.filter(|_| *budget > 0) {
            let found = locate::find(text, &path, self.key.as_ref());
            *budget = budget.saturating_sub(found.map_or(text.len(), |(offset, _)| offset.max(1)));
            if let Some((offset, index)) = found {
                if let Some(i) = index {
                    path.push(Seg::Index(i));
                }
                at = Some(locate::line_col(text, offset));
            }
        }
        Finding {
            severity: self.severity,
            code: self.code,
            path: locate::render(&path),
            line: at.map(|a| a.0),
            column: at.map(|a| a.1),
            message: self.message,
        }
    }
}
