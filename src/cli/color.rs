//! `--color auto|always|never`, and the conventions of the environment.
//!
//! `always` and `never` are obeyed whatever the environment. `auto` (the
//! default) colours a terminal unless `NO_COLOR` is set (non-empty) or
//! `TERM` is `dumb`; `CLICOLOR_FORCE` (set, and not `0`) colours
//! even what is not a terminal, and `NO_COLOR` wins over it, as
//! <https://no-color.org> and <https://bixense.com/clicolors/> say. The
//! environment is read with anstyle-query, as clap and cargo read it,
//! except that `CLICOLOR_FORCE=0` does not force, as the convention says.

use anstyle::{AnsiColor, Style};

/// When to colour the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE
    /// forces it.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour an output that is a terminal or not.
    pub fn enabled(self, terminal: bool) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => {
                if anstyle_query::no_color() {
                    false
                } else if anstyle_query::clicolor_force()
                    && std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0")
                {
                    true
                } else {
                    terminal && anstyle_query::term_supports_color()
                }
            }
        }
    }
}

/// Styles text, or leaves it as it is.
#[derive(Clone, Copy, Debug)]
pub struct Paint {
    on: bool,
}

impl Paint {
    /// Paints when `on`.
    pub fn new(on: bool) -> Self {
        Self { on }
    }

    /// Whether it paints.
    pub fn on(self) -> bool {
        self.on
    }

    /// `text` in `color`.
    pub fn paint(self, color: AnsiColor, text: &str) -> String {
        if !self.on {
            return text.to_owned();
        }
        let style = Style::new().fg_color(Some(color.into()));
        format!("{}{text}{}", style.render(), style.render_reset())
    }
}
