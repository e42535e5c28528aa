//! The `lateral` program: the app, or a teachers' command.

use std::process::ExitCode;

use lateral::cli::{self, parse_args};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = match parse_args(args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    #[cfg(feature = "gui")]
    if let cli::Command::App { lessons, rest } = &cmd {
        return match lateral::app::parse_app_options(lessons.clone(), rest) {
            Ok(opts) => ExitCode::from(u8::try_from(lateral::app::run(opts)).unwrap_or(2)),
            Err(e) => {
                eprintln!("error: {e}\n(run `lateral --help` for usage)");
                ExitCode::from(2)
            }
        };
    }
    let code = cli::run(cmd, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}
