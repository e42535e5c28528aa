//! Gradebook files for learning platforms: Canvas's and Moodle's grade-import CSVs, with a
//! class roster that maps the names students typed in Lateral onto the platform's identities.
//!
//! The roster is a CSV with a header row. It needs a `name` column (the name as the student
//! types it in Lateral); the other columns are optional and copied where a platform wants them:
//! `id`, `sis_user_id`, `sis_login_id`, `section` (Canvas), `first_name`, `last_name`,
//! `id_number`, `email` (Moodle). Names are matched without regard to case, accents kept, spaces
//! collapsed. A graded student the roster lacks is listed as a warning and still gets a row with
//! empty identity cells, so a teacher can fill it in; nobody is dropped.

use std::collections::HashMap;
use std::path::Path;

use crate::lesson::Lesson;
use crate::records::grade::{Report, reflect_steps, reflection_cells, text_cell};
use crate::text::diag::{Diagnostic, Severity};

/// The largest roster file read (a school's whole year fits many times over).
pub const MAX_ROSTER_BYTES: u64 = 4 * 1024 * 1024;

/// Which platform's import format to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvFormat {
    /// Canvas's gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, the lesson.
    Canvas,
    /// Moodle's grade import: First name, Last name, ID number, Email address, the lesson.
    Moodle,
}

/// One student of a roster.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RosterEntry {
    /// The column values by (lower-case) header name.
    pub fields: HashMap<String, String>,
}

impl RosterEntry {
    fn get(&self, key: &str) -> &str {
        self.fields.get(key).map_or("", String::as_str)
    }
}

/// A class roster: students by their folded name.
#[derive(Clone, Debug, Default)]
pub struct Roster {
    by_name: HashMap<String, RosterEntry>,
}

/// A name as the roster and Lateral compare it: trimmed, spaces collapsed, lower case.
fn fold(name: &str) -> String {
    crate::text::collapse_whitespace(name).to_lowercase()
}

impl Roster {
    /// Reads a roster file (bounded; see the module's documentation for its columns).
    pub fn read(path: &Path) -> Result<Roster, Diagnostic> {
        let text = crate::files::read_text(path, MAX_ROSTER_BYTES)?;
        Roster::parse(&path.display().to_string(), &text)
    }

    /// Parses roster text; `name` is the file's name for messages.
    pub fn parse(name: &str, text: &str) -> Result<Roster, Diagnostic> {
        let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
        let headers: Vec<String> = match r.headers() {
            Ok(h) => h
                .iter()
                .map(|h| h.trim().trim_start_matches('\u{FEFF}').to_lowercase())
                .collect(),
            Err(e) => return Err(csv_error(name, &e)),
        };
        let Some(name_col) = headers.iter().position(|h| h == "name") else {
            return Err(Diagnostic::file(name, Severity::Error, "this roster has no `name` column")
                .with_suggestion("start the file with a header row such as: name,id,email — `name` is the name each student types in Lateral"));
        };
        let mut by_name = HashMap::new();
        for rec in r.records() {
            let rec = rec.map_err(|e| csv_error(name, &e))?;
            let Some(student) = rec.get(name_col).map(fold).filter(|n| !n.is_empty()) else {
                continue;
            };
            let fields = headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.clone(), v.trim().to_string()))
                .collect();
            by_name.entry(student).or_insert(RosterEntry { fields });
        }
        Ok(Roster { by_name })
    }

    /// The roster's entry for a student's name as typed in Lateral.
    pub fn find(&self, student: &str) -> Option<&RosterEntry> {
        self.by_name.get(&fold(student))
    }
}

fn csv_error(name: &str, e: &csv::Error) -> Diagnostic {
    let line = e.position().map_or(0, |p| p.line() as usize);
    let mut d = Diagnostic::file(
        name,
        Severity::Error,
        format!("this roster is not a readable CSV file: {e}"),
    );
    d.line = line;
    d.with_suggestion("save it from your spreadsheet as “CSV UTF-8”, with a header row")
}

/// The platform CSV for a graded class (UTF-8 without a byte-order mark; see
/// [`crate::records::grade::BOM`]), and a warning for each student the roster lacks. Moodle's
/// has one more column per reflect step (`Reflection: <step title>`) with what each student
/// wrote: Moodle's import ignores a column unless it is mapped, and it can be mapped to a grade
/// item's feedback. Canvas's has none: Canvas makes every column it does not know a new
/// assignment.
pub fn platform_csv(report: &Report, lesson: &Lesson, roster: &Roster, format: CsvFormat) -> (String, Vec<Diagnostic>) {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .flexible(true)
        .from_writer(Vec::new());
    let title = text_cell(&lesson.title).into_owned();
    let reflect: Vec<String> = reflect_steps(lesson)
        .iter()
        .map(|s| text_cell(&format!("Reflection: {}", s.title)).into_owned())
        .collect();
    let mut warnings = Vec::new();
    // Writing to memory cannot fail.
    let _ = match format {
        CsvFormat::Canvas => w
            .write_record(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", &title])
            .and_then(|_| w.write_record(["    Points Possible", "", "", "", "", "100"])),
        CsvFormat::Moodle => w.write_record(
            ["First name", "Last name", "ID number", "Email address", &title]
                .into_iter()
                .chain(reflect.iter().map(String::as_str)),
        ),
    };
    for g in &report.graded {
        let student = &g.results.student;
        let entry = roster.find(student);
        if entry.is_none() {
            warnings.push(
                Diagnostic::file(&g.file, Severity::Warning, format!("“{}” is not in the roster", text_cell(student)))
                    .with_suggestion("add them to the roster (the name as they typed it in Lateral), or fill in their row of the gradebook by hand"),
            );
        }
        let e = entry.cloned().unwrap_or_default();
        let score = format!("{:.2}", g.outcome.score * 100.0);
        let cells: Vec<String> = match format {
            CsvFormat::Canvas => vec![
                student.clone(),
                e.get("id").into(),
                e.get("sis_user_id").into(),
                e.get("sis_login_id").into(),
                e.get("section").into(),
                score,
            ],
            CsvFormat::Moodle => {
                let (first, last) = split_name(student, &e);
                let mut cells = vec![first, last, e.get("id_number").into(), e.get("email").into(), score];
                // `text_cell` again below changes nothing: a guarded cell starts with `'`.
                cells.extend(reflection_cells(lesson, &g.results));
                cells
            }
        };
        let _ = w.write_record(cells.iter().map(|c| text_cell(c).into_owned()));
    }
    let bytes = w.into_inner().unwrap_or_else(|e| e.into_inner().get_ref().clone());
    let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, warnings)
}

/// First and last name: the roster's, else the name as typed split at its last space.
fn split_name(student: &str, e: &RosterEntry) -> (String, String) {
    if !e.get("first_name").is_empty() || !e.get("last_name").is_empty() {
        return (e.get("first_name").into(), e.get("last_name").into());
    }
    match student.trim().rsplit_once(' ') {
        Some((first, last)) => (first.trim().into(), last.into()),
        None => (student.trim().into(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_roster_is_matched_by_name_without_case_or_extra_spaces() {
        let r = Roster::parse(
            "r.csv",
            "\u{FEFF}Name,ID,Email\n  Zoë   Kowalska ,1001,zoe@school.example\nBen,1002,\n",
        )
        .expect("parses");
        assert_eq!(r.find("zoë kowalska").map(|e| e.get("id")), Some("1001"));
        assert_eq!(r.find("BEN").map(|e| e.get("email")), Some(""));
        assert!(r.find("Cleo").is_none());
    }

    #[test]
    fn a_roster_without_a_name_column_says_what_to_add() {
        let e = Roster::parse("r.csv", "id,email\n1,a@b\n").expect_err("no name column");
        assert!(e.message.contains("no `name` column"), "{e}");
        assert!(
            e.suggestion.as_deref().unwrap_or_default().contains("header row"),
            "{e}"
        );
    }

    #[test]
    fn names_split_at_the_last_space_unless_the_roster_has_them() {
        let none = RosterEntry::default();
        assert_eq!(
            split_name("Anna Maria Nowak", &none),
            ("Anna Maria".into(), "Nowak".into())
        );
        assert_eq!(split_name("Ben", &none), ("Ben".into(), String::new()));
        let mut e = RosterEntry::default();
        e.fields.insert("first_name".into(), "Ana".into());
        e.fields.insert("last_name".into(), "de la Cruz".into());
        assert_eq!(split_name("Ana", &e), ("Ana".into(), "de la Cruz".into()));
    }
}
