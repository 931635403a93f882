//! What the summary adds for ALM bodies: an ALM task's revisions, report
//! file and error ([`AlmResultSummary`]), and the ALM summary report's
//! counts ([`ChangesSummary`]).

use serde::{Deserialize, Serialize};

use crate::{ChangeCounts, SummaryReport, TaskResult};

/// What an ALM task's result (model sync, comparison or summary report)
/// says beyond `successful`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AlmResultSummary {
    /// `sourceRevisionId`, when sent.
    pub source_revision_id: Option<String>,
    /// `targetRevisionId`, when sent.
    pub target_revision_id: Option<String>,
    /// `reportFileUrl`: where a report task's report is, when sent.
    pub report_file_url: Option<String>,
    /// `error`: the server's explanation of a failure, when sent.
    pub error: Option<AlmErrorSummary>,
}

/// The `error` of a failed ALM task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AlmErrorSummary {
    /// `title`, when sent.
    pub title: Option<String>,
    /// `messageText`, when sent.
    pub message: Option<String>,
    /// `subtitle`, when sent.
    pub subtitle: Option<String>,
}

impl AlmResultSummary {
    /// The ALM part of a result; `None` for a bulk task's result.
    pub fn from_result(r: &TaskResult) -> Option<Self> {
        (r.is_alm() && !r.is_bulk()).then(|| Self {
            source_revision_id: r.source_revision_id.clone(),
            target_revision_id: r.target_revision_id.clone(),
            report_file_url: r.report_file_url.clone(),
            error: r.error.as_ref().map(|e| AlmErrorSummary {
                title: e.title.clone(),
                message: e.message_text.clone(),
                subtitle: e.subtitle.clone(),
            }),
        })
    }
}

/// Counts of objects modified, deleted and created (0 when not sent).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Changes {
    /// `modified`.
    pub modified: u64,
    /// `deleted`.
    pub deleted: u64,
    /// `created`.
    pub created: u64,
}

/// Added field by field; a sum past `u64::MAX` stays at `u64::MAX`.
impl std::ops::AddAssign for Changes {
    fn add_assign(&mut self, other: Self) {
        self.modified = self.modified.saturating_add(other.modified);
        self.deleted = self.deleted.saturating_add(other.deleted);
        self.created = self.created.saturating_add(other.created);
    }
}

impl std::iter::Sum for Changes {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        super::added(iter)
    }
}

impl From<&ChangeCounts> for Changes {
    fn from(c: &ChangeCounts) -> Self {
        Self {
            modified: c.modified(),
            deleted: c.deleted(),
            created: c.created(),
        }
    }
}

/// One category of the summary report's `differences`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CategoryChanges {
    /// The category as sent: `lineItems`, `rolesContents`, `lists` or `modules`.
    pub category: String,
    /// Its counts.
    #[serde(flatten)]
    pub changes: Changes,
}

/// The ALM summary report at a glance: both revisions, the totals, and
/// the counts of each category, a count or category left out as 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ChangesSummary {
    /// `sourceRevisionId`, when sent.
    pub source_revision_id: Option<String>,
    /// `targetRevisionId`, when sent.
    pub target_revision_id: Option<String>,
    /// `totals`.
    pub totals: Changes,
    /// `differences`, in the documented order of the categories.
    pub differences: Vec<CategoryChanges>,
}

impl ChangesSummary {
    /// The summary of a summary report.
    pub fn from_report(r: &SummaryReport) -> Self {
        Self {
            source_revision_id: r.source_revision_id.clone(),
            target_revision_id: r.target_revision_id.clone(),
            totals: r.totals().into(),
            differences: r
                .categories()
                .iter()
                .map(|(name, c)| CategoryChanges {
                    category: (*name).to_owned(),
                    changes: (*c).into(),
                })
                .collect(),
        }
    }
}
