//! The files that install Lateral on a school's laptops (issue 18) agree with the program: the
//! file type a double-click opens is the exam pack's extension, opened with the file as the
//! argument that `lateral FILE` takes (tests/cli.rs); the Windows installer registers the same
//! type and removes everything it installs. The downloads themselves need a release build and
//! root, so `scripts/test-release.sh` tests them (CI runs it), never `cargo test`.

use std::collections::BTreeMap;

use lateral::records::pack::EXTENSION;

fn read(p: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(p))
        .unwrap_or_else(|e| panic!("{p}: {e}"))
}

/// The keys of the `[Desktop Entry]` group (the only group the file may have).
fn desktop_entry(text: &str) -> BTreeMap<String, String> {
    let mut lines = text.lines().filter(|l| !l.is_empty() && !l.starts_with('#'));
    assert_eq!(lines.next(), Some("[Desktop Entry]"));
    lines
        .map(|l| {
            assert!(!l.starts_with('['), "one group only: {l}");
            let (k, v) = l.split_once('=').unwrap_or_else(|| panic!("not key=value: {l}"));
            (k.to_string(), v.to_string())
        })
        .collect()
}

#[test]
fn the_desktop_entry_opens_exam_packs_in_lateral_with_the_file_as_its_argument() {
    let e = desktop_entry(&read("assets/linux/lateral.desktop"));
    assert_eq!(e["Type"], "Application");
    // `%f`: one local file, the one double-clicked; `lateral FILE` opens it.
    assert_eq!(e["Exec"], "lateral %f");
    assert_eq!(e["MimeType"], "application/x-lateral-exam;");
    assert_eq!(e["Icon"], "lateral");
    assert_eq!(e["Terminal"], "false");
    // The dock groups the window under the entry by the window's app id.
    assert_eq!(e["StartupWMClass"], "lateral");
    assert!(read("src/app/launch.rs").contains(r#".with_app_id("lateral")"#));
    for lang in ["pl", "uk"] {
        assert!(e.contains_key(&format!("Comment[{lang}]")), "a comment in {lang}");
    }
}

#[test]
fn the_mime_type_is_the_exam_pack_extension_and_claims_no_other_files() {
    let x = read("assets/linux/lateral.xml");
    assert!(x.contains(r#"<mime-type type="application/x-lateral-exam">"#));
    let globs: Vec<&str> = x.match_indices("<glob ").map(|(i, _)| &x[i..]).collect();
    assert_eq!(globs.len(), 1, "one glob: {globs:?}");
    assert!(
        globs[0].starts_with(&format!(r#"<glob pattern="*.{EXTENSION}"/>"#)),
        "{}",
        globs[0]
    );
    // Results files are .json: claiming *.json would open every JSON file on the laptop in Lateral.
    assert!(x.contains(r#"<sub-class-of type="application/json"/>"#));
}

#[test]
fn the_windows_installer_registers_the_same_file_type_and_opens_it_with_the_app() {
    let n = read("assets/installer/lateral.nsi");
    for needed in [
        format!(r#""Software\Classes\.{EXTENSION}""#),
        r#"shell\open\command" "" '"$INSTDIR\lateral.exe" "%1"'"#.to_string(),
        "Content Type\" \"application/x-lateral-exam\"".to_string(),
    ] {
        assert!(n.contains(&needed), "the installer lacks {needed}");
    }
}

#[test]
fn the_windows_installer_is_per_machine_with_a_start_menu_entry_and_an_uninstaller() {
    let n = read("assets/installer/lateral.nsi");
    for needed in [
        "Target amd64-unicode",
        "RequestExecutionLevel admin",
        "SetShellVarContext all",
        r#"InstallDir "$PROGRAMFILES64\${APP}""#,
        r#"CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\lateral.exe""#,
        r#"WriteUninstaller "$INSTDIR\uninstall.exe""#,
        r#"Software\Microsoft\Windows\CurrentVersion\Uninstall\Lateral"#,
        r#""QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'"#,
    ] {
        assert!(n.contains(needed), "the installer lacks {needed}");
    }
}

#[test]
fn the_uninstaller_removes_every_file_the_installer_writes() {
    let n = read("assets/installer/lateral.nsi");
    let installed: Vec<&str> = n
        .lines()
        .filter_map(|l| l.trim().strip_prefix(r#"File "${SRCDIR}\"#)?.strip_suffix('"'))
        .collect();
    assert!(
        installed.contains(&"lateral.exe") && installed.contains(&"lateral-cli.exe"),
        "{installed:?}"
    );
    for f in installed.iter().chain(&["uninstall.exe"]) {
        assert!(
            n.contains(&format!(r#"Delete "$INSTDIR\{f}""#)),
            "the uninstaller leaves {f}"
        );
    }
    assert!(n.contains(r#"Delete "$SMPROGRAMS\${APP}.lnk""#));
    // Student work lives in each user's %APPDATA%, never in the install folder: no RMDir /r.
    assert!(!n.contains("RMDir /r"), "the uninstaller deletes folders whole");
}

#[test]
fn the_licence_files_of_cargo_toml_ship_with_the_source_and_the_downloads() {
    assert!(read("Cargo.toml").contains(r#"license = "MIT OR Apache-2.0""#));
    assert!(read("LICENSE-MIT").starts_with("MIT License"));
    assert!(read("LICENSE-APACHE").contains("Apache License\n                           Version 2.0"));
    let script = read("scripts/release.sh");
    for f in [
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "LICENSE-Noto.txt",
        "THIRD-PARTY-LICENSES.txt",
    ] {
        assert!(script.contains(f), "scripts/release.sh ships no {f}");
    }
    assert!(
        read(".gitignore").lines().any(|l| l == "/dist"),
        "dist/ is never committed"
    );
}
