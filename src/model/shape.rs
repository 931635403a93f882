//! Reading any body of the family: its top-level fields as read
//! ([`Top`]), and which body they make ([`Shape`]), decided by the rules
//! that [`Document`] states, and the body built from them: `Document`'s
//! reading.

use crate::unknown::UnknownFields;
use serde::Serialize;
use serde::de;

use crate::model::chunk::ChunkListResponse;
use crate::model::document::{CreateTaskResponse, Document, ErrorResponse, TaskListResponse, TaskSummary};
use crate::model::envelope::{Meta, Status, TaskResponse};
use crate::model::summary_report::{SummaryReport, SummaryReportResponse};
use crate::model::task::TaskObject;
use crate::read::{Fields, Seen, keep_unknown};

impl<'de> serde::Deserialize<'de> for Document {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::read::deserialize_wire(deserializer)
    }
}

impl crate::read::Wire for Document {
    const EXPECTING: &'static str =
        "a JSON object (a task status, create-task, task list, chunk list, summary report or error response)";
    fn read_into<'de, F: Fields<'de>>(fields: F, slot: &mut Option<Self>) -> Result<(), F::Error> {
        read_document_into(fields, slot)
    }
}

// The top-level fields of a body, numbered for `Seen`.
const META: u32 = 0;
const STATUS: u32 = 1;
const TASK: u32 = 2;
const TASKS: u32 = 3;
const CHUNKS: u32 = 4;
const PATH: u32 = 5;
const TIMESTAMP: u32 = 6;
const SUMMARY_REPORT: u32 = 7;

/// Puts a field back among the unknown ones of the kind chosen; the field
/// is then `None`.
fn stash<E: de::Error, T: Serialize>(extra: &mut UnknownFields, key: &str, value: Option<T>) -> Result<Option<T>, E> {
    if let Some(v) = value {
        extra.push_value(key, &v).map_err(E::custom)?;
    }
    Ok(None)
}

/// The top-level fields of any body of the family, as read.
#[derive(Default)]
struct Top {
    meta: Option<Meta>,
    status: Option<Status>,
    task: Option<TaskObject>,
    tasks: Option<Vec<TaskSummary>>,
    chunks: Option<Vec<crate::Chunk>>,
    path: Option<String>,
    timestamp: Option<String>,
    summary_report: Option<SummaryReport>,
    /// The fields of a bare task, read at the top.
    bare: Option<TaskObject>,
    extra: UnknownFields,
}

/// Which body the top-level fields make.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Task,
    TaskList,
    ChunkList,
    SummaryReport,
    BareTask,
    Error,
}

/// Reads any body of the family, decides which it is, and builds it in
/// `slot`.
pub(crate) fn read_document_into<'de, F: Fields<'de>>(mut map: F, slot: &mut Option<Document>) -> Result<(), F::Error> {
    let mut top = Top::default();
    let mut seen = Seen::default();
    while let Some(key) = map.key()? {
        match key.as_ref() {
            "meta" => map.optional_once(&mut seen, META, "meta", &mut top.meta)?,
            "status" => map.optional_once(&mut seen, STATUS, "status", &mut top.status)?,
            "task" => map.required_once(&mut seen, TASK, "task", &mut top.task)?,
            "tasks" => map.optional_once(&mut seen, TASKS, "tasks", &mut top.tasks)?,
            "chunks" => map.optional_once(&mut seen, CHUNKS, "chunks", &mut top.chunks)?,
            "path" => map.optional_once(&mut seen, PATH, "path", &mut top.path)?,
            "timestamp" => map.optional_once(&mut seen, TIMESTAMP, "timestamp", &mut top.timestamp)?,
            "summaryReport" => {
                map.optional_once(&mut seen, SUMMARY_REPORT, "summaryReport", &mut top.summary_report)?;
            }
            other => {
                // The fields of a bare task are read as such only before any
                // field of an envelope: in an enveloped body they are
                // unknown fields, kept whatever their type.
                let bare = if seen.any() {
                    None
                } else {
                    Some(top.bare.get_or_insert_with(TaskObject::empty))
                };
                if !bare.map_or(Ok(false), |bare| bare.accept(other, &mut map))? {
                    keep_unknown(&mut top.extra, key, &mut map)?;
                }
            }
        }
    }
    let shape = shape(&top)?;
    top.build_into(shape, slot)
}

/// Decides which body the fields make, checking it against the object that
/// `meta.schema` names.
fn shape<E: de::Error>(top: &Top) -> Result<Shape, E> {
    let object = top.meta.as_ref().and_then(Meta::object);
    let named_task = matches!(object, Some("task" | "syncTask" | "taskWithUrl"));
    let named_chunk = object == Some("chunk");
    let named_report = object == Some("summaryReport");
    if let Some(other) = object.filter(|o| !crate::decode::FAMILY_OBJECTS.contains(o)) {
        return Err(crate::decode::foreign_object(other));
    }
    let names_a_task = top.bare.as_ref().is_some_and(TaskObject::names_a_task);
    let paged = top.meta.as_ref().is_some_and(|m| m.paging.is_some());
    // A failed call answers with an error body, whatever `meta.schema` its
    // call would have named.
    let failed = top.status.as_ref().is_some_and(|s| s.code >= 400);
    let shape = if top.summary_report.is_some() && top.task.is_none() && top.tasks.is_none() {
        Shape::SummaryReport
    } else if top.task.is_some() {
        Shape::Task
    } else if top.tasks.is_some() {
        Shape::TaskList
    } else if top.chunks.is_some() || (named_chunk && !names_a_task && !failed) {
        Shape::ChunkList
    } else if named_report && !names_a_task && !failed {
        Shape::SummaryReport
    } else if paged {
        Shape::TaskList
    } else if names_a_task {
        Shape::BareTask
    } else if top
        .status
        .as_ref()
        .is_some_and(|s| s.code >= 400 || top.path.is_some() || top.timestamp.is_some())
    {
        Shape::Error
    } else {
        return Err(E::custom(
            "not a task response: expected `task` (status or start call), `tasks` or `meta.paging` (list call), `chunks` (chunk list), `summaryReport` (ALM summary report), `taskId` (a bare task object), or an error `status`",
        ));
    };
    let contradiction = |has: &str, names: &str| {
        E::custom(format_args!(
            "not a task response: `meta.schema` names `{names}` objects, but the body has `{has}`"
        ))
    };
    match shape {
        Shape::ChunkList if named_task || named_report => Err(contradiction("chunks", object.unwrap_or_default())),
        Shape::Task if named_chunk || named_report => Err(contradiction("task", object.unwrap_or_default())),
        Shape::TaskList if named_chunk || named_report => Err(contradiction("tasks", object.unwrap_or_default())),
        Shape::BareTask if named_chunk || named_report => Err(contradiction("taskId", object.unwrap_or_default())),
        Shape::SummaryReport if named_task || named_chunk => {
            Err(contradiction("summaryReport", object.unwrap_or_default()))
        }
        shape => Ok(shape),
    }
}

impl Top {
    /// Builds the body of `shape` in `slot`; the fields it does not have
    /// are kept among the unknown ones. Inlined, and without moving the
    /// task more than once, as this runs for every document.
    #[inline(always)]
    fn build_into<E: de::Error>(mut self, shape: Shape, slot: &mut Option<Document>) -> Result<(), E> {
        self.stash_others(shape)?;
        let Top {
            meta,
            status,
            task,
            tasks,
            chunks,
            path,
            timestamp,
            summary_report,
            bare,
            mut extra,
        } = self;
        match shape {
            Shape::Task => task_into(meta, status, task, extra, slot)?,
            Shape::TaskList => {
                *slot = Some(Document::TaskList(TaskListResponse {
                    meta,
                    status,
                    tasks,
                    extra,
                }));
            }
            Shape::ChunkList => {
                *slot = Some(Document::ChunkList(ChunkListResponse {
                    meta,
                    status,
                    chunks,
                    extra,
                }));
            }
            Shape::SummaryReport => {
                *slot = Some(Document::SummaryReport(SummaryReportResponse {
                    meta,
                    status,
                    summary_report: summary_report.ok_or_else(|| E::missing_field("summaryReport"))?,
                    extra,
                }));
            }
            Shape::BareTask => bare_into(meta, status, bare, extra, slot)?,
            Shape::Error => {
                stash(&mut extra, "meta", meta)?;
                *slot = Some(Document::Error(ErrorResponse {
                    status: status.ok_or_else(|| E::missing_field("status"))?,
                    path,
                    timestamp,
                    extra,
                }));
            }
        }
        Ok(())
    }

    /// Puts the fields that a body of `shape` does not have among the
    /// unknown ones (`meta` and `status` are left to the body).
    #[inline(always)]
    fn stash_others<E: de::Error>(&mut self, shape: Shape) -> Result<(), E> {
        let e = &mut self.extra;
        if shape != Shape::TaskList {
            self.tasks = stash(e, "tasks", self.tasks.take())?;
        }
        if shape != Shape::ChunkList {
            self.chunks = stash(e, "chunks", self.chunks.take())?;
        }
        if shape != Shape::SummaryReport {
            self.summary_report = stash(e, "summaryReport", self.summary_report.take())?;
        }
        if shape != Shape::Error {
            self.path = stash(e, "path", self.path.take())?;
            self.timestamp = stash(e, "timestamp", self.timestamp.take())?;
        }
        if shape != Shape::BareTask {
            if let Some(bare) = self.bare.take() {
                bare.stash_into(e)?;
            }
        }
        Ok(())
    }
}

/// Builds a status response, or the start call's answer when the task is
/// a summary, in `slot`.
#[inline(always)]
fn task_into<E: de::Error>(
    meta: Option<Meta>,
    status: Option<Status>,
    task: Option<TaskObject>,
    extra: UnknownFields,
    slot: &mut Option<Document>,
) -> Result<(), E> {
    match task {
        // Its reading required `taskState` unless it is a summary.
        Some(task) if !task.is_summary() => {
            *slot = Some(Document::TaskStatus(TaskResponse {
                meta,
                status,
                task: task.into_task()?,
                extra,
            }));
        }
        Some(task) => {
            *slot = Some(Document::CreateTask(CreateTaskResponse {
                meta,
                status,
                task: task.into_summary()?,
                extra,
            }));
        }
        None => return Err(E::missing_field("task")),
    }
    Ok(())
}

/// Builds a bare task, or a bare start-call task, in `slot`; the envelope
/// fields read are kept among its unknown ones.
fn bare_into<E: de::Error>(
    meta: Option<Meta>,
    status: Option<Status>,
    bare: Option<TaskObject>,
    mut extra: UnknownFields,
    slot: &mut Option<Document>,
) -> Result<(), E> {
    let Some(mut bare) = bare else {
        return Err(E::missing_field("taskId"));
    };
    stash(&mut extra, "meta", meta)?;
    stash(&mut extra, "status", status)?;
    bare.task.extra.append(&mut extra);
    *slot = Some(if bare.is_summary() {
        Document::BareCreateTask(bare.into_summary()?)
    } else {
        Document::BareTask(bare.into_task()?)
    });
    Ok(())
}
