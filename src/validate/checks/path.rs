//! [`At`]: where the checks are in the document, as a chain of links
//! borrowed from the checks that descended there. Each link lives on the
//! stack of the check that made it, so carrying the path costs no
//! allocation and keeps no state between documents; a finding turns it
//! into segments.

use crate::locate::Seg;

/// A JSON path as a chain of links back to the document: `Key(parent,
/// "task")` is the property `task` of `parent`.
#[derive(Debug, Clone, Copy)]
pub(super) enum At<'a> {
    /// The document itself.
    Root,
    /// A property with a name the crate knows.
    Key(&'a At<'a>, &'static str),
    /// A property with any other name (an unknown field).
    Field(&'a At<'a>, &'a str),
    /// An array element.
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    /// The property `key` of this value.
    pub(super) fn key(&'a self, key: &'static str) -> At<'a> {
        At::Key(self, key)
    }

    /// The property `name`, of any name, of this value.
    pub(super) fn field(&'a self, name: &'a str) -> At<'a> {
        At::Field(self, name)
    }

    /// Element `i` of this array.
    pub(super) fn index(&'a self, i: usize) -> At<'a> {
        At::Index(self, i)
    }

    /// The path from the document, first segment first (empty for the
    /// document itself). Walks the chain without recursing.
    pub(super) fn segments(&self) -> Vec<Seg> {
        let mut out = Vec::new();
        let mut at = self;
        loop {
            let (parent, seg) = match *at {
                At::Root => break,
                At::Key(parent, key) => (parent, Seg::Key(key)),
                At::Field(parent, name) => (parent, Seg::Field(name.to_owned())),
                At::Index(parent, i) => (parent, Seg::Index(i)),
            };
            out.push(seg);
            at = parent;
        }
        out.reverse();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_run_from_the_document() {
        assert_eq!(At::Root.segments(), []);
        let task = At::Root.key("task");
        let result = task.key("result");
        let first = result.index(0);
        let field = first.field("a.b");
        assert_eq!(
            field.segments(),
            [
                Seg::Key("task"),
                Seg::Key("result"),
                Seg::Index(0),
                Seg::Field("a.b".into())
            ]
        );
        assert_eq!(crate::locate::render(&field.segments()), "task.result[0][\"a.b\"]");
    }
}
