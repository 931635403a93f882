//! [`SummaryReportResponse`]: the ALM summary report
//! (`GET .../alm/summaryReports/{target}/{source}`), its
//! [`SummaryReport`], [`Differences`] and [`ChangeCounts`].

use crate::unknown::UnknownFields;
use serde::Serialize;

use crate::model::envelope::{Meta, Status};

/// How many objects were modified, deleted and created.
///
/// A count left out reads as 0 (the documented sample lists only the
/// counts that are not zero); it is kept as absent, so that the body is
/// written back as sent. Read the counts through the accessors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChangeCounts {
    /// `modified`: absent means 0.
    #[serde(rename = "modified", skip_serializing_if = "Option::is_none")]
    pub modified_sent: Option<u64>,
    /// `deleted`: absent means 0.
    #[serde(rename = "deleted", skip_serializing_if = "Option::is_none")]
    pub deleted_sent: Option<u64>,
    /// `created`: absent means 0.
    #[serde(rename = "created", skip_serializing_if = "Option::is_none")]
    pub created_sent: Option<u64>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(ChangeCounts, "a change count object", {
    modified_sent = "modified" optional,
    deleted_sent = "deleted" optional,
    created_sent = "created" optional,
});

impl ChangeCounts {
    /// Counts with the given values, all sent.
    pub fn new(modified: u64, deleted: u64, created: u64) -> Self {
        Self {
            modified_sent: Some(modified),
            deleted_sent: Some(deleted),
            created_sent: Some(created),
            extra: UnknownFields::new(),
        }
    }

    /// `modified`, 0 when absent.
    pub fn modified(&self) -> u64 {
        self.modified_sent.unwrap_or(0)
    }

    /// `deleted`, 0 when absent.
    pub fn deleted(&self) -> u64 {
        self.deleted_sent.unwrap_or(0)
    }

    /// `created`, 0 when absent.
    pub fn created(&self) -> u64 {
        self.created_sent.unwrap_or(0)
    }
}

/// `differences`: the counts by category. A category left out reads as
/// all zeros.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Differences {
    /// `lineItems`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_items: Option<ChangeCounts>,
    /// `rolesContents`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles_contents: Option<ChangeCounts>,
    /// `lists`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lists: Option<ChangeCounts>,
    /// `modules`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modules: Option<ChangeCounts>,
    /// Fields this crate does not know (other categories), kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(Differences, "a differences object", {
    line_items = "lineItems" optional,
    roles_contents = "rolesContents" optional,
    lists = "lists" optional,
    modules = "modules" optional,
});

/// The counts of a category left out.
static ZERO: ChangeCounts = ChangeCounts {
    modified_sent: None,
    deleted_sent: None,
    created_sent: None,
    extra: UnknownFields::new(),
};

impl Differences {
    /// The categories with their wire names, in the documented order; a
    /// category left out counts zeros.
    pub fn categories(&self) -> [(&'static str, &ChangeCounts); 4] {
        [
            ("lineItems", self.line_items.as_ref().unwrap_or(&ZERO)),
            ("rolesContents", self.roles_contents.as_ref().unwrap_or(&ZERO)),
            ("lists", self.lists.as_ref().unwrap_or(&ZERO)),
            ("modules", self.modules.as_ref().unwrap_or(&ZERO)),
        ]
    }
}

/// `summaryReport`: what a sync from the source revision to the target
/// revision would change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SummaryReport {
    /// `targetRevisionId`: the revision compared against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_revision_id: Option<String>,
    /// `sourceRevisionId`: the revision compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_revision_id: Option<String>,
    /// `totals`: all categories together; absent means zeros.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totals: Option<ChangeCounts>,
    /// `differences`: by category; absent means zeros.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub differences: Option<Differences>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(SummaryReport, "a summary report object", {
    target_revision_id = "targetRevisionId" optional,
    source_revision_id = "sourceRevisionId" optional,
    totals = "totals" optional,
    differences = "differences" optional,
});

impl SummaryReport {
    /// `totals`, zeros when absent.
    pub fn totals(&self) -> &ChangeCounts {
        self.totals.as_ref().unwrap_or(&ZERO)
    }

    /// The counts by category, zeros for a category left out.
    pub fn categories(&self) -> [(&'static str, &ChangeCounts); 4] {
        static NONE: Differences = Differences {
            line_items: None,
            roles_contents: None,
            lists: None,
            modules: None,
            extra: UnknownFields::new(),
        };
        self.differences.as_ref().unwrap_or(&NONE).categories()
    }
}

/// The body of the ALM summary report call
/// (`GET .../models/{modelId}/alm/summaryReports/{target}/{source}`),
/// `meta.schema` `.../objects/summaryReport`.
///
/// ```
/// use anaplan_task::{Document, DocumentKind};
/// let doc = Document::from_str(r#"{"summaryReport":{"totals":{"created":2},
///   "differences":{"lineItems":{"created":2}}}}"#).unwrap();
/// assert_eq!(doc.kind(), DocumentKind::SummaryReport);
/// let Document::SummaryReport(r) = doc else { unreachable!() };
/// assert_eq!(r.summary_report.totals().created(), 2);
/// assert_eq!(r.summary_report.totals().deleted(), 0);
/// assert_eq!(r.summary_report.categories()[3].1.modified(), 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = crate::model::schema_rules::summary_report_meta))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SummaryReportResponse {
    /// `meta`: what the body is; absent only in documentation samples.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// `status`: the HTTP status; absent only in documentation samples.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// `summaryReport`: the report.
    pub summary_report: SummaryReport,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

impl SummaryReportResponse {
    /// The body for `summary_report`, without `meta` or `status` (set them
    /// by field: [`Meta::new`], [`Status::new`]). A [`SummaryReport`] is
    /// made from its `Default`, nothing sent, and then set by field.
    ///
    /// ```
    /// use anaplan_task::{ChangeCounts, SummaryReport, SummaryReportResponse};
    /// let mut report = SummaryReport::default();
    /// report.totals = Some(ChangeCounts::new(0, 0, 2));
    /// let body = SummaryReportResponse::new(report);
    /// let text = serde_json::to_string(&body).unwrap();
    /// assert_eq!(text, r#"{"summaryReport":{"totals":{"modified":0,"deleted":0,"created":2}}}"#);
    /// assert_eq!(text.parse::<SummaryReportResponse>().unwrap(), body);
    /// ```
    pub fn new(summary_report: SummaryReport) -> Self {
        Self {
            meta: None,
            status: None,
            summary_report,
            extra: UnknownFields::new(),
        }
    }
}

crate::read::wire_deserialize!(SummaryReportResponse, "a summary report response object", {
    meta = "meta" optional,
    status = "status" optional,
    summary_report = "summaryReport" required,
});
