//! The checks of a task's result and of each process step in it: object
//! ids (`malformed-object-id`, `object-kind-mismatch`,
//! `step-kind-mismatch`), the failure dump of a delete action
//! (`dump-on-delete-action`), the fields of a bulk task's result
//! (`missing-field`), and what explains a failure (an ALM task's `error`
//! does).

use super::{At, Checker};
use crate::endpoint::{AlmCall, CallKind};
use crate::text::{snippet, with_article};
use crate::validate::Code;
use crate::{DetailClass, DetailCode, ObjectId, ObjectKind, TaskResult};

impl Checker<'_> {
    /// A result: `top` for the task's own, not for a process step's.
    pub(super) fn result(&mut self, r: &TaskResult, top: bool, at: &At<'_>) {
        // A process step, a result with a bulk task's fields, or one the
        // call says is of a bulk task has what every bulk result has; an
        // ALM result (model sync, comparison or summary report) has neither.
        if !top || r.is_bulk() || self.options.call.is_some() {
            self.bulk_fields(r, at);
        }
        if let (true, Some(call)) = (top, self.options.alm_call) {
            self.alm_fields(r, call, at);
        }
        self.revision_ids(r, at);
        self.report_revisions(r, at);
        let kind = r.object_id.as_ref().map(ObjectId::kind);
        if let Some(id) = &r.object_id {
            self.object_id(id, top, &at.key("objectId"));
        }
        let delete = kind == Some(ObjectKind::Action) || (top && self.options.call == Some(CallKind::Action));
        if delete && r.dump_available() {
            self.push(
                Code::DumpOnDeleteAction,
                &at.key("failureDumpAvailable"),
                "a delete action never writes a failure dump, but failureDumpAvailable is true".into(),
            );
        }
        let details = at.key("details");
        for (i, d) in r.details().iter().enumerate() {
            self.detail(d, &details.index(i));
        }
        let nested = at.key("nestedResults");
        for (i, n) in r.nested_results().iter().enumerate() {
            self.result(n, false, &nested.index(i));
        }
        if let Some(e) = &r.error {
            self.extra(&e.extra, &at.key("error"));
        }
        self.extra(&r.extra, at);
    }

    /// `failureDumpAvailable`, which every bulk result has and an ALM
    /// result has not (so that it is optional in reading). `objectId`
    /// stays optional, as it always was.
    fn bulk_fields(&mut self, r: &TaskResult, at: &At<'_>) {
        if r.failure_dump_available.is_none() {
            self.push(
                Code::MissingField,
                at,
                "missing field `failureDumpAvailable`: every result of an import, export, action or process has it"
                    .into(),
            );
        }
    }

    /// What an ALM call's result has: no `objectId`, and, for a
    /// successful report task, a `reportFileUrl`.
    fn alm_fields(&mut self, r: &TaskResult, call: AlmCall, at: &At<'_>) {
        if let Some(id) = &r.object_id {
            let message = format!(
                "object id `{}` is of {}, but the call is a {call} (an ALM task, which runs no model object)",
                snippet(id.as_str()),
                with_article(id.kind().as_str())
            );
            self.push(Code::ObjectKindMismatch, &at.key("objectId"), message);
        }
        if call.has_report() && r.successful && r.report_file_url.is_none() {
            let message = format!("missing field `reportFileUrl`: a successful {call} task's result has it");
            self.push(Code::MissingField, at, message);
        }
        let Some(url) = &r.report_file_url else {
            return;
        };
        let message = match call.report_segment() {
            None => format!("a {call} writes no report file, but the result has `reportFileUrl`"),
            Some(files) if !url.contains(&format!("/alm/{files}/")) => format!(
                "report file `{}` is not under `{files}`, where a {call} task's report is",
                snippet(url)
            ),
            Some(_) => return,
        };
        self.push(Code::ReportUrlMismatch, &at.key("reportFileUrl"), message);
    }

    /// A report file's revisions, `.../{target}/{source}`, against the
    /// result's `targetRevisionId` and `sourceRevisionId` where both are
    /// sent.
    fn report_revisions(&mut self, r: &TaskResult, at: &At<'_>) {
        let (Some(url), Some(target), Some(source)) =
            (&r.report_file_url, &r.target_revision_id, &r.source_revision_id)
        else {
            return;
        };
        let path = url.split(['?', '#']).next().unwrap_or_default();
        let mut last = path.trim_end_matches('/').rsplit('/');
        let (Some(in_source), Some(in_target)) = (last.next(), last.next()) else {
            return;
        };
        let reports = last
            .next()
            .is_some_and(|s| s == "comparisonReports" || s == "summaryReports");
        if !reports || (in_target.eq_ignore_ascii_case(target) && in_source.eq_ignore_ascii_case(source)) {
            return;
        }
        let message = format!(
            "report file `{}` is of target `{}` and source `{}`, but the result's revisions are target `{}` and source `{}`",
            snippet(url),
            snippet(in_target),
            snippet(in_source),
            snippet(target),
            snippet(source)
        );
        self.push(Code::ReportUrlMismatch, &at.key("reportFileUrl"), message);
    }

    /// The revision ids of an ALM result: 32 hexadecimal characters, as
    /// model and revision ids are.
    fn revision_ids(&mut self, r: &TaskResult, at: &At<'_>) {
        let fields = [
            ("sourceRevisionId", &r.source_revision_id),
            ("targetRevisionId", &r.target_revision_id),
        ];
        for (key, id) in fields {
            let Some(id) = id else { continue };
            if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
                let message = format!("revision id `{}` is not 32 hexadecimal characters", snippet(id));
                self.push(Code::MalformedRevisionId, &at.key(key), message);
            }
        }
    }

    /// An object id: well formed, and of the kind the call (for the task's
    /// result) or a process step expects.
    fn object_id(&mut self, id: &ObjectId, top: bool, at: &At<'_>) {
        if !id.is_well_formed() {
            self.push(
                Code::MalformedObjectId,
                at,
                format!("object id `{}` is not 12 decimal digits", snippet(id.as_str())),
            );
        }
        let kind = id.kind();
        match (top, self.options.call) {
            (true, Some(call)) if kind != call.object_kind() => self.push(
                Code::ObjectKindMismatch,
                at,
                format!(
                    "object id `{}` is of {}, but the call is for {}",
                    snippet(id.as_str()),
                    with_article(kind.as_str()),
                    with_article(&call.to_string())
                ),
            ),
            (false, _) if !matches!(kind, ObjectKind::Import | ObjectKind::Export | ObjectKind::Action) => self.push(
                Code::StepKindMismatch,
                at,
                format!(
                    "process step `{}` is of {}, expected an import, export or action",
                    snippet(id.as_str()),
                    with_article(kind.as_str())
                ),
            ),
            _ => {}
        }
    }
}

/// Whether a result, or one of its steps, says why a task failed: a step
/// that failed, a detail that is not a plain completion or that counts
/// failed rows, or a failure dump.
pub(super) fn explains_failure(r: &TaskResult) -> bool {
    let step_failed = r.nested_results().iter().any(|n| !n.successful);
    let detail = r.details().iter().any(|d| {
        d.code.class() != DetailClass::Completion
            || matches!(
                d.code,
                DetailCode::HierarchyRowsProcessedWithFailures | DetailCode::LineItemRowsProcessedWithFailures
            )
            || d.hierarchy_rows().is_some_and(|h| h.failed_count > 0)
    });
    // An ALM `error` explains only with a title or a message to show.
    let error = r
        .error
        .as_ref()
        .is_some_and(|e| e.title.is_some() || e.message_text.is_some());
    step_failed || detail || r.dump_available() || error || r.nested_results().iter().any(explains_failure)
}
