//! Reading task endpoint paths back: [`TaskPath::parse`], `FromStr` and
//! serde's reading, from a path or a URL.

use std::str::FromStr;

use super::{CallKind, DumpPart, PathError, TaskPath};
use crate::model::ids::{ObjectId, TaskId};

impl TaskPath {
    /// Reads a path (`/workspaces/...`) or a URL, with or without the
    /// `/2/0` prefix. In the query string, `includeProcessDetails=true`
    /// sets [`TaskPath::include_process_details`] on the status of a
    /// process task; anything else there (that parameter on another path
    /// included, which the server ignores) is ignored.
    ///
    /// ```
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, DumpPart, PathError, Resource, TaskPath};
    /// let path = TaskPath::parse("https://api.anaplan.com/2/0/workspaces/8a81b09d5e8c6f27015ece3402487d33/models/F1111111C11111111B11111F1111E11F/imports/112000000009/tasks/1B1D84DDD53847BAA621810B593C3FC1")?;
    /// assert_eq!(path.kind, CallKind::Import);
    /// assert_eq!(path.action_id.as_str(), "112000000009");
    /// # Ok::<(), PathError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, PathError> {
        let path = Self::parse_path(text)?;
        let query = text
            .split('#')
            .next()
            .unwrap_or("")
            .split_once('?')
            .map_or("", |(_, q)| q);
        if query.split('&').any(|pair| pair == "includeProcessDetails=true") {
            Ok(path.with_process_details().unwrap_or(path))
        } else {
            Ok(path)
        }
    }

    fn parse_path(text: &str) -> Result<Self, PathError> {
        let shape = |why: &str| PathError::Shape(format!("{why} in `{}`", crate::text::snippet(text)));
        let segs = segments(text);
        let [w, workspace, m, model, kind, action, t, tail @ ..] = segs.as_slice() else {
            return Err(shape("expected /workspaces/{id}/models/{id}/{kind}/{id}/tasks"));
        };
        if (*w, *m, *t) != ("workspaces", "models", "tasks") {
            return Err(shape("expected /workspaces/{id}/models/{id}/{kind}/{id}/tasks"));
        }
        let kind: CallKind = kind
            .parse()
            .map_err(|e: crate::ParseEnumError| PathError::Shape(e.to_string()))?;
        let path = Self::tasks(*workspace, *model, kind, ObjectId::new(*action))?;
        let chunk = |tail: &[&str]| -> Result<DumpPart, PathError> {
            match tail {
                [] => Ok(DumpPart::All),
                ["chunks"] => Ok(DumpPart::List),
                ["chunks", n] => crate::values::parse_count("", 0, n)
                    .ok()
                    .and_then(|n| u32::try_from(n).ok())
                    .map(DumpPart::Number)
                    .ok_or_else(|| PathError::BadChunk(crate::text::snippet(n))),
                _ => Err(shape("unexpected segments after the dump")),
            }
        };
        match tail {
            [] => Ok(path),
            [task] => path.task(TaskId::new(*task)),
            [task, "dump", more @ ..] => path.dump(TaskId::new(*task), chunk(more)?),
            [task, "dumps", object, more @ ..] => {
                path.process_dump(TaskId::new(*task), ObjectId::new(*object), chunk(more)?)
            }
            _ => Err(shape("unexpected segments after the task id")),
        }
    }
}

impl FromStr for TaskPath {
    type Err = PathError;
    fn from_str(s: &str) -> Result<Self, PathError> {
        Self::parse(s)
    }
}

impl<'de> serde::Deserialize<'de> for TaskPath {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
        TaskPath::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The segments of a path or URL, after its host and without the `/2/0`
/// prefix; the query string and fragment are left out.
pub(super) fn segments(text: &str) -> Vec<&str> {
    let mut rest = text.split(['?', '#']).next().unwrap_or("");
    if let Some(i) = rest.find("://") {
        let after = &rest[i + 3..];
        rest = after.find('/').map_or("", |j| &after[j..]);
    }
    let mut segs: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    if segs.first() == Some(&"2") && segs.get(1) == Some(&"0") {
        segs.drain(..2);
    }
    segs
}
