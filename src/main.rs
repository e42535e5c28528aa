//! The `lateral` program: the app, or a teachers' command.

use std::process::ExitCode;

use lateral::cli::{self, parse_args};

fn main() -> ExitCode {
    // `std::env::args` panics on an argument that is not Unicode (a file name in an old
    // encoding): refuse it with a message instead.
    let mut args: Vec<String> = Vec::new();
    for a in std::env::args_os().skip(1) {
        match a.into_string() {
            Ok(s) => args.push(s),
            Err(raw) => {
                eprintln!(
                    "error: the argument “{}” is not valid Unicode text\n(rename the file or folder so its name is UTF-8, then run the command again)",
                    lateral::diag::escape_for_terminal(&raw.to_string_lossy())
                );
                return ExitCode::from(2);
            }
        }
    }
    let cmd = match parse_args(args) {
        Ok(c) => c,
        Err(e) => {
            // Arguments can carry file names with escape sequences: never print them raw.
            eprintln!("error: {}", lateral::diag::escape_for_terminal(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    #[cfg(feature = "gui")]
    if let cli::Command::App { lessons, rest } = &cmd {
        return match lateral::app::parse_app_options(lessons.clone(), rest) {
            Ok(opts) => ExitCode::from(u8::try_from(lateral::app::run(opts)).unwrap_or(2)),
            Err(e) => {
                eprintln!(
                    "error: {}\n(run `lateral --help` for usage)",
                    lateral::diag::escape_for_terminal(&e.to_string())
                );
                ExitCode::from(2)
            }
        };
    }
    let code = cli::run(cmd, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}
