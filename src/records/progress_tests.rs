//! Tests of the progress store (on disk and on a key-value store).

use super::*;
use crate::lesson::bundled;

#[test]
fn slugs_are_safe_and_distinct() {
    assert!(slug("Ana María").starts_with("ana-maría-"), "{}", slug("Ana María"));
    assert_ne!(slug("Ana"), slug("ana"));
    assert!(slug("../../etc").starts_with("etc-"));
    assert!(slug("   ").starts_with("student-"));
    assert!(!slug("a/b\\c").contains(['/', '\\']));
}

#[test]
fn each_student_keeps_their_own_zoom() {
    let d = tempfile::tempdir().expect("tempdir");
    let store = Store::new(d.path());
    store.add_student("Ana").expect("added");
    store.add_student("Ben").expect("added");
    assert_eq!(store.student_zoom("Ana"), 1.0);
    store.set_student_zoom("Ana", 1.4).expect("saved");
    assert_eq!((store.student_zoom("Ana"), store.student_zoom("Ben")), (1.4, 1.0));
    // Out of range or not a number: kept in range; the name is still readable.
    store.set_student_zoom("Ben", 40.0).expect("saved");
    assert_eq!(store.student_zoom("Ben"), ZOOM_RANGE.1);
    store.set_student_zoom("Ben", f32::NAN).expect("saved");
    assert_eq!(store.student_zoom("Ben"), 1.0);
    assert_eq!(store.students(), vec!["Ana", "Ben"]);
    // A profile from before zoom existed reads as 1.0.
    std::fs::write(store.student_dir("Ana").join("profile.json"), r#"{"name": "Ana"}"#).expect("write");
    assert_eq!(store.student_zoom("Ana"), 1.0);
}

#[test]
fn a_students_language_and_zoom_are_kept_together() {
    let d = tempfile::tempdir().expect("tempdir");
    let store = Store::new(d.path());
    store.add_student("Ana").expect("added");
    assert_eq!(store.student_locale("Ana"), None);
    store.set_student_zoom("Ana", 1.5).expect("saved");
    store.set_student_locale("Ana", Locale::Uk).expect("saved");
    // Saving one keeps the other.
    assert_eq!(store.student_zoom("Ana"), 1.5);
    assert_eq!(store.student_locale("Ana"), Some(Locale::Uk));
    store.set_student_zoom("Ana", 2.0).expect("saved");
    assert_eq!(store.student_locale("Ana"), Some(Locale::Uk));
    // A language this version has no UI for (a later version's file) is not used, and the
    // profile still reads.
    let path = store.student_dir("Ana").join("profile.json");
    std::fs::write(&path, r#"{"name": "Ana", "zoom": 2.0, "locale": "de"}"#).expect("write");
    assert_eq!(store.student_locale("Ana"), None);
    assert_eq!(store.student_zoom("Ana"), 2.0);
    assert_eq!(store.students(), vec!["Ana"]);
    // The laptop's choice: the same, and a settings file with another language loads.
    store
        .save_settings(&AppSettings {
            locale: Some("pl".into()),
            ..Default::default()
        })
        .expect("saved");
    assert_eq!(store.load_settings().locale(), Some(Locale::Pl));
    std::fs::write(d.path().join("settings.json"), r#"{"locale": "xx", "dark": true}"#).expect("write");
    let s = store.load_settings();
    assert_eq!((s.locale(), s.dark), (None, true));
}

#[test]
fn profiles_progress_and_settings_round_trip() {
    let d = tempfile::tempdir().expect("tempdir");
    let store = Store::new(d.path());
    store.add_student("Ben").expect("added");
    store.add_student("ana").expect("added");
    store.add_student("Ben").expect("again is fine");
    assert_eq!(store.students(), vec!["ana", "Ben"]);
    assert!(store.add_student("  ").is_err());

    let corpus = bundled::corpus();
    let lesson = bundled::lessons(&corpus)[0].lesson.clone().expect("lesson");
    assert!(matches!(store.load_progress("Ben", &lesson.id), Loaded::Nothing));
    let r = Results::new("Ben", &lesson);
    store.save_progress(&r).expect("saved");
    match store.load_progress("Ben", &lesson.id) {
        Loaded::Work(back) => assert_eq!(back.student, "Ben"),
        other => panic!("{other:?}"),
    }

    let s = AppSettings {
        font_size: 22.0,
        dark: true,
        last_student: Some("Ben".into()),
        ..Default::default()
    };
    store.save_settings(&s).expect("saved");
    assert_eq!(store.load_settings(), s);
}

#[test]
fn a_settings_file_from_before_the_hidden_student_list_still_loads() {
    let d = tempfile::tempdir().expect("tempdir");
    let store = Store::new(d.path());
    let old = r#"{"version": 1, "font_size": 22.0, "dark": true, "last_student": "Ben"}"#;
    std::fs::write(d.path().join("settings.json"), old).expect("write");
    let s = store.load_settings();
    assert_eq!((s.font_size, s.hide_student_list), (22.0, false));
    let s = AppSettings {
        hide_student_list: true,
        ..s
    };
    store.save_settings(&s).expect("saved");
    assert_eq!(store.load_settings(), s);
}

#[test]
fn a_settings_file_from_before_the_teacher_pin_still_loads() {
    let d = tempfile::tempdir().expect("tempdir");
    let store = Store::new(d.path());
    // Written by version 1, before the PIN existed.
    let old = r#"{"version": 1, "font_size": 22.0, "dark": true, "last_student": "Ben"}"#;
    std::fs::write(d.path().join("settings.json"), old).expect("write");
    let s = store.load_settings();
    assert_eq!(
        (s.font_size, s.dark, s.last_student.as_deref()),
        (22.0, true, Some("Ben"))
    );
    assert_eq!(s.teacher_pin, None, "no PIN yet: the teacher sets one on first use");
    // Saved with a PIN, it loads with the same one; the PIN itself is not in the file.
    let s = AppSettings {
        teacher_pin: Some(TeacherPin::new("73915284").expect("pin")),
        ..s
    };
    store.save_settings(&s).expect("saved");
    let text = std::fs::read_to_string(d.path().join("settings.json")).expect("read");
    assert!(!text.contains("73915284"), "{text}");
    let back = store.load_settings();
    assert_eq!(back, s);
    assert!(back.teacher_pin.is_some_and(|p| p.verify("73915284")));
    // A PIN spoiled by hand is dropped (as if the file had been deleted), not a locked door.
    let spoiled = text.replace("\"rounds\": 10000", "\"rounds\": 4000000000");
    assert_ne!(spoiled, text);
    std::fs::write(d.path().join("settings.json"), spoiled).expect("write");
    assert_eq!(store.load_settings().teacher_pin, None);
}

#[test]
fn a_damaged_progress_file_is_moved_aside_not_wiped() {
    let d = tempfile::tempdir().expect("tempdir");
    let store = Store::new(d.path());
    let p = store.progress_path("Ana", "first-look").expect("a safe id");
    std::fs::create_dir_all(p.parent().expect("parent")).expect("dir");
    std::fs::write(&p, b"{ this is not json").expect("written");
    match store.load_progress("Ana", "first-look") {
        Loaded::Damaged { moved_to, problem } => {
            assert!(problem.contains("not a readable results file"), "{problem}");
            assert_eq!(std::fs::read(&moved_to).expect("kept"), b"{ this is not json");
            assert!(!p.exists());
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(store.load_progress("Ana", "first-look"), Loaded::Nothing));
}

#[test]
fn regression_pack_lesson_id_renames_files_outside_the_data_folder() {
    let d = tempfile::tempdir().expect("tempdir");
    let data = d.path().join("data");
    let victim = d.path().join("victim.json");
    std::fs::write(&victim, b"precious").expect("write");
    let store = Store::new(&data);
    store.add_student("Ana").expect("added");
    for id in ["../../../victim", "../../victim", "/tmp/x", "..", "CON"] {
        assert!(store.progress_path("Ana", id).is_none(), "{id}");
        assert!(matches!(store.load_progress("Ana", id), Loaded::Nothing), "{id}");
        let corpus = bundled::corpus();
        let mut lesson = bundled::lessons(&corpus)[0].lesson.clone().expect("lesson");
        lesson.id = id.into();
        assert!(store.save_progress(&Results::new("Ana", &lesson)).is_err(), "{id}");
    }
    assert_eq!(std::fs::read(&victim).expect("still there"), b"precious");
    let outside: Vec<_> = std::fs::read_dir(d.path())
        .expect("dir")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(outside.len(), 2, "only data/ and victim.json: {outside:?}");
}

#[test]
fn regression_settings_with_an_impossible_font_size_reach_the_screen() {
    let d = tempfile::tempdir().expect("tempdir");
    let store = Store::new(d.path());
    for (json, want) in [
        (r#"{"font_size": 1e39}"#, 18.0),
        (r#"{"font_size": 1e30}"#, 36.0),
        (r#"{"font_size": -5}"#, 12.0),
        (r#"{"font_size": "big"}"#, 18.0),
    ] {
        std::fs::write(d.path().join("settings.json"), json).expect("write");
        assert_eq!(store.load_settings().font_size, want, "{json}");
    }
    assert_eq!(
        AppSettings {
            font_size: f32::NAN,
            ..Default::default()
        }
        .clamped_font(),
        18.0
    );
    std::fs::write(d.path().join("settings.json"), "{\"last_student\": \"a\\u001b[2J\"}").expect("write");
    assert_eq!(store.load_settings().last_student, None);
}

#[test]
fn regression_two_lesson_ids_that_differ_by_case_merge_work() {
    let d = tempfile::tempdir().expect("tempdir");
    let store = Store::new(d.path());
    let a = store.progress_path("Ana", "quiz").expect("ok");
    let b = store.progress_path("Ana", "Quiz").expect("ok");
    assert_ne!(a.to_string_lossy().to_lowercase(), b.to_string_lossy().to_lowercase());
}

#[cfg(unix)]
#[test]
fn regression_progress_files_are_readable_by_every_account() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().expect("tempdir");
    let root = d.path().join("lateral");
    // An older version made the folder 0755.
    std::fs::create_dir_all(root.join("students")).expect("dir");
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let store = Store::new(&root);
    store.add_student("Ana").expect("added");
    let corpus = bundled::corpus();
    let lesson = bundled::lessons(&corpus)[0].lesson.clone().expect("lesson");
    let p = store.save_progress(&Results::new("Ana", &lesson)).expect("saved");
    store.save_progress(&Results::new("Ana", &lesson)).expect("saved again");
    store.save_settings(&AppSettings::default()).expect("saved");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&root.join("students")), 0o700);
    assert_eq!(mode(p.parent().expect("student dir")), 0o700);
    assert_eq!(mode(&p), 0o600);
    assert_eq!(mode(&crate::files::backup_path(&p)), 0o600);
    assert_eq!(mode(&root.join("settings.json")), 0o600);
    let profile = p.parent().expect("dir").join("profile.json");
    assert_eq!(mode(&profile), 0o600);
}

/// Every file under `dir`, by its path relative to `dir` with `/` between folders.
fn files_under(dir: &Path) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).expect("dir").filter_map(Result::ok) {
            if e.path().is_dir() {
                todo.push(e.path());
            } else {
                let rel = e.path().strip_prefix(dir).expect("inside").to_path_buf();
                out.insert(
                    crate::files::backend::key_of(&rel),
                    std::fs::read_to_string(e.path()).expect("text"),
                );
            }
        }
    }
    out
}

#[test]
fn the_browsers_store_holds_the_same_files_as_the_disk() {
    use crate::files::backend::{KeyValue, MemoryKeyValue};
    let d = tempfile::tempdir().expect("tempdir");
    let kv = std::sync::Arc::new(MemoryKeyValue::default());
    let disk = Store::new(d.path());
    let web = Store::in_key_value("lateral", kv.clone());
    assert!(disk.on_disk() && !web.on_disk());
    let corpus = bundled::corpus();
    let lesson = bundled::lessons(&corpus)[0].lesson.clone().expect("lesson");
    let mut r = Results::new("Ana", &lesson);
    // The same start on both, for the comparison (the time of each save differs).
    r.started = Some("2026-12-01T10:00:00Z".into());
    for store in [&disk, &web] {
        store.add_student("Ana").expect("added");
        store.add_student("Ben").expect("added");
        store.set_student_zoom("Ana", 1.5).expect("saved");
        store.save_progress(&r).expect("saved");
        store.save_progress(&r).expect("saved again: a .bak");
        store
            .save_settings(&AppSettings {
                dark: true,
                last_student: Some("Ana".into()),
                ..Default::default()
            })
            .expect("saved");
    }
    assert_eq!(web.students(), disk.students());
    assert_eq!(web.students(), vec!["Ana", "Ben"]);
    assert_eq!(
        (web.student_zoom("Ana"), web.load_settings()),
        (1.5, disk.load_settings())
    );
    assert!(matches!(web.load_progress("Ana", &lesson.id), Loaded::Work(w) if w.student == "Ana"));
    // The same names and the same JSON, except the time of the save.
    let strip_updated = |t: &str| {
        t.lines()
            .filter(|l| !l.trim_start().starts_with("\"updated\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let on_disk: Vec<(String, String)> = files_under(d.path())
        .into_iter()
        .map(|(k, v)| (format!("lateral/{k}"), strip_updated(&v)))
        .collect();
    let in_keys: Vec<(String, String)> = kv
        .keys()
        .into_iter()
        .map(|k| {
            let v = kv.get(&k).expect("value");
            (k, strip_updated(&v))
        })
        .collect();
    assert_eq!(in_keys, on_disk);
}

#[test]
fn a_damaged_entry_in_the_browsers_store_is_moved_aside_not_wiped() {
    use crate::files::backend::{KeyValue, MemoryKeyValue};
    let kv = std::sync::Arc::new(MemoryKeyValue::default());
    let store = Store::in_key_value("lateral", kv.clone());
    let p = store.progress_path("Ana", "first-look").expect("a safe id");
    let key = crate::files::backend::key_of(&p);
    kv.set(&key, "{ this is not json").expect("set");
    match store.load_progress("Ana", "first-look") {
        Loaded::Damaged { moved_to, problem } => {
            assert!(problem.contains("not a readable results file"), "{problem}");
            let moved = crate::files::backend::key_of(&moved_to);
            assert_eq!(kv.get(&moved).as_deref(), Some("{ this is not json"));
            assert_eq!(kv.get(&key), None);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(store.load_progress("Ana", "first-look"), Loaded::Nothing));
}
