//! The `lateral` program: the app, or a teachers' command.
//!
//! On Windows the app build (feature `gui`) is a GUI-subsystem program, so starting Lateral from
//! the Start menu or a double-click opens no console window. Windows gives such a program no
//! console to print to, so the teachers' commands ship as a second program, `lateral-cli.exe`:
//! this same `main` built without the `gui` feature, a console-subsystem program
//! (docs/install.md, "Windows: two programs"). Attaching to the parent's console instead would
//! need `unsafe` (the crate forbids it) and still races the shell's prompt.
#![cfg_attr(all(windows, feature = "gui"), windows_subsystem = "windows")]

#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
use lateral::cli;

/// In a browser (the web build, `scripts/build-web.sh`): the app on the page's canvas.
#[cfg(target_arch = "wasm32")]
fn main() {
    lateral::app::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn exit(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

#[cfg(not(target_arch = "wasm32"))]
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
                    lateral::text::diag::escape_for_terminal(&raw.to_string_lossy())
                );
                return ExitCode::from(2);
            }
        }
    }
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let inv = match cli::parse_args(args) {
        Ok(i) => i,
        // Help, the version, or a usage error (exit code 2).
        Err(e) => return exit(cli::print_parse_error(&e, &mut out, &mut err)),
    };
    #[cfg(feature = "gui")]
    if let cli::Invocation::App(args) = inv {
        drop((out, err));
        return exit(lateral::app::run(lateral::app::app_options(args)));
    }
    exit(cli::run(inv, &mut out, &mut err))
}
