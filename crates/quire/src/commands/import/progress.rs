//! What an import tells the person running it: a progress bar on a terminal, one plain line a
//! file otherwise (for logs and scripts), every failure with its file and line, and a closing
//! tally.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How one file went.
pub enum FileReport<'a> {
    /// An article was created, updated or found as the file says; `slug` names it.
    Article {
        /// What happened.
        verb: Verb,
        /// The article's slug.
        slug: &'a str,
    },
    /// A bundle's records went in.
    Bundle {
        /// The bundle's own tally, one line.
        summary: &'a str,
    },
    /// Nothing of the file was written.
    Failed {
        /// Where in the file, when known.
        line: Option<u64>,
        /// Why.
        reason: &'a str,
    },
}

/// What happened to an article.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// New.
    Created,
    /// Changed to match its file.
    Updated,
    /// Already as its file says.
    Unchanged,
}

/// Counts and draws the progress of one run.
pub struct Progress {
    bar: Option<ProgressBar>,
    dry_run: bool,
    started: Instant,
    created: usize,
    updated: usize,
    unchanged: usize,
    bundles: usize,
    failed: usize,
    /// Routine lines go to standard error instead of standard output, which a caller keeps
    /// for something else.
    stderr_only: bool,
}

impl Progress {
    /// Starts counting `files`; a bar is drawn only when standard error is a terminal.
    pub fn start(files: usize, dry_run: bool) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(u64::try_from(files).unwrap_or(u64::MAX)),
                ProgressDrawTarget::stderr(),
            );
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files  {per_sec}  eta {eta}  {msg}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Self {
            bar,
            dry_run,
            started: Instant::now(),
            created: 0,
            updated: 0,
            unchanged: 0,
            bundles: 0,
            failed: 0,
            stderr_only: false,
        }
    }

    /// Counts `files` with every line on standard error and no bar, for `quire serve
    /// --ephemeral`, whose standard output carries one JSON line and nothing else.
    pub fn on_stderr(files: usize) -> Self {
        Self {
            bar: None,
            stderr_only: true,
            ..Self::start(files, false)
        }
    }

    fn print(&self, line: &str) {
        if self.stderr_only {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    }

    /// Records one file's fate and tells of it.
    pub fn file(&mut self, path: &Path, report: FileReport<'_>) {
        let path = path.display();
        let line = match report {
            FileReport::Article { verb, slug } => {
                let (count, word) = match verb {
                    Verb::Created => (&mut self.created, "create"),
                    Verb::Updated => (&mut self.updated, "update"),
                    Verb::Unchanged => (&mut self.unchanged, "unchanged"),
                };
                *count += 1;
                let word = match (self.dry_run, verb) {
                    (_, Verb::Unchanged) => word.to_owned(),
                    (true, _) => format!("would {word}"),
                    (false, _) => format!("{word}d"),
                };
                self.quiet(format!("{word:<12} {path} -> {slug}"));
                None
            }
            FileReport::Bundle { summary } => {
                self.bundles += 1;
                Some(format!("bundle       {path}: {summary}"))
            }
            FileReport::Failed { line, reason } => {
                self.failed += 1;
                let place = line.map(|l| format!(":{l}")).unwrap_or_default();
                self.loud(format!("failed       {path}{place}: {reason}"));
                None
            }
        };
        if let Some(line) = line {
            self.say(line);
        }
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// A line worth reading even with a bar drawn.
    pub fn say(&self, line: String) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => self.print(&line),
        }
    }

    /// A routine line: printed in plain mode, left to the bar on a terminal.
    fn quiet(&self, line: String) {
        if self.bar.is_none() {
            self.print(&line);
        }
    }

    /// A failure: to standard error, above the bar.
    fn loud(&self, line: String) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Something a bundle's import calls with the bytes it has read so far, to show on the
    /// bar while one large file goes in.
    pub fn ticker(&self) -> impl FnMut(u64) + Send + 'static {
        let bar = self.bar.clone();
        let mut shown = 0;
        move |bytes| {
            let mib = bytes >> 20;
            if let Some(bar) = bar.as_ref().filter(|_| mib != shown) {
                shown = mib;
                bar.set_message(format!("{mib} MiB of a bundle read"));
            }
        }
    }

    /// Files that failed so far.
    pub fn failures(&self) -> usize {
        self.failed
    }

    /// Clears the bar and prints the tally.
    pub fn finish(self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        let seconds = self.started.elapsed().as_secs_f64();
        let lead = if self.dry_run {
            "Dry run, nothing written"
        } else {
            "Imported"
        };
        let bundles = if self.bundles > 0 {
            format!(", {} bundle(s)", self.bundles)
        } else {
            String::new()
        };
        self.print(&format!(
            "{lead}: {} created, {} updated, {} unchanged{bundles}, {} failed in {seconds:.1} s",
            self.created, self.updated, self.unchanged, self.failed
        ));
    }
}
