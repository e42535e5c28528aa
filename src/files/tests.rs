//! Unit tests of `files/mod.rs`.

use super::*;

#[test]
fn bom_and_crlf_are_normalised() {
    let t = decode_text("x", b"\xEF\xBB\xBFa\r\nb\rc\n".to_vec()).unwrap();
    assert_eq!(t, "a\nb\nc\n");
}

#[test]
fn non_utf8_reports_line_and_column() {
    let e = decode_text("x.md", b"ok\nab\xFFcd".to_vec()).unwrap_err();
    assert_eq!((e.line, e.column), (2, 3));
    assert!(e.message.contains("not UTF-8"), "{}", e.message);
}

#[test]
fn atomic_write_keeps_previous_version() {
    let dir = std::env::temp_dir().join(format!("lateral-fsutil-{}", std::process::id()));
    let p = dir.join("a.json");
    write_atomic(&p, b"one").unwrap();
    write_atomic(&p, b"two").unwrap();
    assert_eq!(fs::read(&p).unwrap(), b"two");
    assert_eq!(fs::read(backup_path(&p)).unwrap(), b"one");
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".a.json"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn regression_reading_a_fifo_blocks_forever() {
    #[cfg(unix)]
    {
        let d = tempfile::tempdir().expect("tempdir");
        let fifo = d.path().join("lesson.md");
        let ok = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let e = read_text(&fifo, MAX_LESSON_BYTES).unwrap_err();
        assert!(e.message.contains("named pipe"), "{}", e.message);
        let w = walk_folder(d.path(), true);
        assert!(w.files.is_empty());
        assert_eq!(w.warnings.len(), 1);
        assert!(
            w.warnings[0].message.contains("named pipe"),
            "{}",
            w.warnings[0].message
        );
    }
}

#[test]
fn regression_corpus_entry_pointing_at_dev_zero_reads_gigabytes() {
    #[cfg(unix)]
    {
        let e = read_text(Path::new("/dev/zero"), MAX_ARTICLE_BYTES).unwrap_err();
        assert!(e.message.contains("device"), "{}", e.message);
        let d = tempfile::tempdir().expect("tempdir");
        std::os::unix::fs::symlink("/dev/zero", d.path().join("a.txt")).expect("link");
        let e = read_text(&d.path().join("a.txt"), MAX_ARTICLE_BYTES).unwrap_err();
        assert!(e.message.contains("device"), "{}", e.message);
        let w = walk_folder(d.path(), true);
        assert!(w.files.is_empty(), "{:?}", w.files);
    }
}

#[test]
fn regression_symlink_to_root_in_a_lesson_folder_walks_the_disk() {
    #[cfg(unix)]
    {
        let d = tempfile::tempdir().expect("tempdir");
        fs::write(d.path().join("a.md"), "x").expect("write");
        std::os::unix::fs::symlink("/", d.path().join("root")).expect("link");
        std::os::unix::fs::symlink(d.path(), d.path().join("loop")).expect("link");
        fs::create_dir(d.path().join("sub")).expect("dir");
        fs::write(d.path().join("sub").join("b.md"), "x").expect("write");
        std::os::unix::fs::symlink(d.path().join("sub"), d.path().join("sub-again")).expect("link");
        std::os::unix::fs::symlink(d.path().join("a.md"), d.path().join("c.md")).expect("link");
        let w = walk_folder(d.path(), true);
        let names: Vec<String> = w
            .files
            .iter()
            .map(|p| p.strip_prefix(d.path()).expect("inside").display().to_string())
            .collect();
        assert_eq!(names, ["a.md", "c.md", "sub/b.md"]);
        assert_eq!(w.warnings.len(), 1, "{:?}", w.warnings);
        assert!(w.warnings[0].message.contains("outside"), "{}", w.warnings[0].message);
    }
}

#[test]
fn folder_walks_stop_at_the_file_limit() {
    let d = tempfile::tempdir().expect("tempdir");
    for i in 0..(MAX_FOLDER_FILES + 5) {
        fs::File::create(d.path().join(format!("{i}.txt"))).expect("create");
    }
    let w = walk_folder(d.path(), false);
    assert_eq!(w.files.len(), MAX_FOLDER_FILES);
    assert!(
        w.warnings[0]
            .message
            .contains(&format!("more than {MAX_FOLDER_FILES} files")),
        "{}",
        w.warnings[0].message
    );
}

#[test]
fn regression_utf16_without_bom_passes_as_ascii_with_nuls() {
    let le: Vec<u8> = "+++\ntitle = \"x\"\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let e = decode_text("x.md", le.clone()).unwrap_err();
    assert!(e.message.contains("UTF-16 (little-endian)"), "{}", e.message);
    let be: Vec<u8> = "hello world".encode_utf16().flat_map(u16::to_be_bytes).collect();
    let e = decode_text("x.md", be).unwrap_err();
    assert!(e.message.contains("UTF-16 (big-endian)"), "{}", e.message);
    // With a BOM it is converted, as editors do.
    let mut bom = vec![0xFF, 0xFE];
    bom.extend(le);
    assert_eq!(decode_text("x.md", bom).expect("utf-16"), "+++\ntitle = \"x\"\n");
    let e = decode_text("x.bin", b"PK\x03\x04\0\0abc".to_vec()).unwrap_err();
    assert!(e.message.contains("NUL byte"), "{}", e.message);
}

#[test]
fn legacy_encodings_are_named() {
    // "Zażółć gęślą jaźń" in Windows-1250.
    let cp1250 = b"Za\xbf\xf3\xb3\xe6 g\xea\x9cl\xb9 ja\x9f\xf1, za\xbf\xf3\xb3\xe6 g\xea\x9cl\xb9 ja\x9f\xf1".to_vec();
    let e = decode_text("pl.txt", cp1250).unwrap_err();
    assert!(e.message.contains("not UTF-8"), "{}", e.message);
    assert!(e.message.contains("looks like windows-125"), "{}", e.message);
}

#[cfg(unix)]
#[test]
fn private_files_stay_private_through_saves_and_backups() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().expect("tempdir");
    let p = d.path().join("data").join("students").join("a.json");
    write_private(&p, b"one").expect("write");
    write_private(&p, b"two").expect("write");
    let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&p), 0o600);
    assert_eq!(mode(&backup_path(&p)), 0o600);
    assert_eq!(mode(p.parent().expect("dir")), 0o700);
    assert_eq!(mode(&d.path().join("data")), 0o700);
    // A file written by hand with wider permissions is tightened on the next save.
    fs::set_permissions(&p, fs::Permissions::from_mode(0o644)).expect("chmod");
    write_private(&p, b"three").expect("write");
    assert_eq!(mode(&p), 0o600);
    assert_eq!(mode(&backup_path(&p)), 0o600);
    // An ordinary atomic write keeps the replaced file's permissions.
    let q = d.path().join("lesson.md");
    fs::write(&q, "a").expect("write");
    fs::set_permissions(&q, fs::Permissions::from_mode(0o640)).expect("chmod");
    write_atomic(&q, b"b").expect("write");
    assert_eq!(mode(&q), 0o640);
}

#[cfg(unix)]
#[test]
fn regression_atomic_save_writes_through_a_planted_link() {
    let d = tempfile::tempdir().expect("tempdir");
    let victim = d.path().join("victim.txt");
    fs::write(&victim, "precious").expect("write");
    let p = d.path().join("lesson.md");
    fs::write(&p, "one").expect("write");
    std::os::unix::fs::symlink(&victim, backup_path(&p)).expect("link");
    // The temporary file is unnamed (O_TMPFILE) or has a random name created exclusively, so
    // no link can be planted under it; a link planted as the backup is replaced, not followed.
    write_atomic(&p, b"two").expect("write");
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "precious");
    assert_eq!(fs::read_to_string(&p).expect("new"), "two");
    assert_eq!(fs::read_to_string(backup_path(&p)).expect("bak"), "one");
    assert!(
        !fs::symlink_metadata(backup_path(&p))
            .expect("bak")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn oversized_files_are_refused_before_reading() {
    let dir = std::env::temp_dir().join(format!("lateral-big-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let p = dir.join("big.md");
    let f = fs::File::create(&p).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let e = read_text(&p, MAX_LESSON_BYTES).unwrap_err();
    assert!(e.message.contains("50.0 MB"), "{}", e.message);
    assert!(e.message.contains("larger than the 8.0 MB"), "{}", e.message);
    fs::remove_dir_all(&dir).unwrap();
}
