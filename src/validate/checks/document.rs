//! The checks of a document as a whole: which body it is, its envelope
//! (`meta`, `status`, `missing-envelope`), the paging of lists
//! (`paging-mismatch`) and the unknown fields of each of them.

use super::{At, Checker};
use crate::validate::Code;
use crate::{Document, Meta, Status};

impl Checker<'_> {
    /// Checks a document of any kind, at the root.
    pub(super) fn document(&mut self, doc: &Document, at: &At<'_>) {
        self.missing_envelope(doc, at);
        match doc {
            Document::TaskStatus(r) => {
                self.envelope(r.meta.as_ref(), r.status.as_ref(), at);
                self.task(&r.task, &at.key("task"));
                self.extra(&r.extra, at);
            }
            Document::CreateTask(r) => {
                self.envelope(r.meta.as_ref(), r.status.as_ref(), at);
                self.summary(&r.task, &at.key("task"));
                self.extra(&r.extra, at);
            }
            Document::BareTask(t) => self.task(t, at),
            Document::BareCreateTask(t) => self.summary(t, at),
            Document::TaskList(r) => {
                self.envelope(r.meta.as_ref(), r.status.as_ref(), at);
                self.paging(r.meta.as_ref(), r.tasks().len(), "tasks", at);
                let tasks = at.key("tasks");
                for (i, t) in r.tasks().iter().enumerate() {
                    self.summary(t, &tasks.index(i));
                }
                self.extra(&r.extra, at);
            }
            Document::ChunkList(r) => {
                self.envelope(r.meta.as_ref(), r.status.as_ref(), at);
                self.paging(r.meta.as_ref(), r.chunks().len(), "chunks", at);
                let chunks = at.key("chunks");
                for (i, chunk) in r.chunks().iter().enumerate() {
                    self.extra(&chunk.extra, &chunks.index(i));
                }
                self.extra(&r.extra, at);
            }
            Document::SummaryReport(r) => {
                self.envelope(r.meta.as_ref(), r.status.as_ref(), at);
                self.summary_report(&r.summary_report, &at.key("summaryReport"));
                self.extra(&r.extra, at);
            }
            Document::Error(r) => {
                self.extra(&r.status.extra, &at.key("status"));
                self.extra(&r.extra, at);
            }
        }
    }

    /// The unknown fields of a summary report and of its counts.
    fn summary_report(&mut self, r: &crate::SummaryReport, at: &At<'_>) {
        if let Some(t) = &r.totals {
            self.extra(&t.extra, &at.key("totals"));
        }
        if let Some(d) = &r.differences {
            let differences = at.key("differences");
            for (name, counts) in [
                ("lineItems", &d.line_items),
                ("rolesContents", &d.roles_contents),
                ("lists", &d.lists),
                ("modules", &d.modules),
            ] {
                if let Some(c) = counts {
                    self.extra(&c.extra, &differences.key(name));
                }
            }
            self.extra(&d.extra, &differences);
        }
        self.extra(&r.extra, at);
    }

    /// A bare task object, or a body without `meta` or `status`.
    fn missing_envelope(&mut self, doc: &Document, at: &At<'_>) {
        let missing = doc.missing_envelope();
        if missing.first() == Some(&"task") {
            self.push(
                Code::MissingEnvelope,
                at,
                "a bare task object, without the `task`, `meta` and `status` of its envelope: as a client library hands it over (`response[\"task\"]`)".into(),
            );
        } else if !missing.is_empty() {
            let what = missing.join("` and `");
            self.push(
                Code::MissingEnvelope,
                at,
                format!("no `{what}`: a documentation sample rather than a captured response?"),
            );
        }
    }

    /// The unknown fields of `meta`, `meta.paging` and `status`.
    fn envelope(&mut self, meta: Option<&Meta>, status: Option<&Status>, at: &At<'_>) {
        if let Some(m) = meta {
            let meta = at.key("meta");
            self.extra(&m.extra, &meta);
            if let Some(p) = &m.paging {
                self.extra(&p.extra, &meta.key("paging"));
            }
        }
        if let Some(s) = status {
            self.extra(&s.extra, &at.key("status"));
        }
    }

    /// The paging of a list against the entries it lists, comparing only
    /// the fields that are there.
    fn paging(&mut self, meta: Option<&Meta>, listed: usize, what: &str, at: &At<'_>) {
        let Some(p) = meta.and_then(|m| m.paging.as_ref()) else {
            return;
        };
        let listed = listed as u64;
        let meta = at.key("meta");
        let paging = meta.key("paging");
        if let Some(size) = p.current_page_size.filter(|&n| n != listed) {
            let message = format!("currentPageSize is {size} but the page lists {listed} {what}");
            self.push(Code::PagingMismatch, &paging.key("currentPageSize"), message);
        }
        let on_page = p.current_page_size.unwrap_or(listed);
        let Some(total) = p.total_size else {
            return;
        };
        let message = match p.offset {
            Some(offset) if u128::from(offset) + u128::from(on_page) > u128::from(total) => format!(
                "totalSize is {total} but offset + page size = {offset} + {on_page} = {}",
                u128::from(offset) + u128::from(on_page)
            ),
            None if on_page > total => format!("totalSize is {total} but the page holds {on_page} {what}"),
            _ => return,
        };
        self.push(Code::PagingMismatch, &paging.key("totalSize"), message);
    }
}
