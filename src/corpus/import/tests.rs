use super::*;

#[test]
fn markdown_loses_its_markup() {
    assert_eq!(
        markdown_to_text("# Head\n\nSome **bold** text\nand more.\n\n- one\n- two\n"),
        "Head\n\nSome bold text and more.\n\none\n\ntwo"
    );
}

#[test]
fn mark_the_words_markers_and_escaped_asterisks() {
    let json = r#"{"taskDescription":"<p>Click the <strong>verbs</strong>.</p>","textField":"<p>The cat *sat* on the mat.</p><p>Rating: 5* stars; it *purred***.</p>"}"#;
    let m = parse_mark_the_words(json, "content.json").unwrap();
    assert_eq!(m.task, "Click the verbs.");
    assert_eq!(m.text, "The cat sat on the mat.\n\nRating: 5* stars; it purred*.");
    let words: Vec<String> = m
        .marked
        .iter()
        .map(|s| m.text.chars().skip(s.start).take(s.len()).collect())
        .collect();
    assert_eq!(words, ["sat", "purred*"]);
    let lesson = mark_the_words_lesson(&m, "cat-story", "Verbs");
    assert!(lesson.contains("quote = \"sat\""), "{lesson}");
}

#[test]
fn regression_h5p_asterisk_inside_a_marked_word_was_refused() {
    // H5P's own example, `*correctword***` (the answer `correctword*`), was read as a marker
    // never closed; and an asterisk outside a marked word, which H5P shows as written, was taken
    // for a marker.
    let json = r#"{"textField":"The *correctword*** and 5*** stars, f***ing *rain*."}"#;
    let m = parse_mark_the_words(json, "content.json").unwrap();
    assert_eq!(m.text, "The correctword* and 5*** stars, f***ing rain.");
    let words: Vec<String> = m
        .marked
        .iter()
        .map(|s| m.text.chars().skip(s.start).take(s.len()).collect())
        .collect();
    assert_eq!(words, ["correctword*", "rain"]);
}

#[test]
fn mark_the_words_refuses_what_it_cannot_use() {
    assert!(matches!(parse_mark_the_words("{", "c.json"), Err(ImportError::H5p(_, m)) if m.contains("not valid JSON")));
    assert!(
        matches!(parse_mark_the_words("{\"a\":1}", "c.json"), Err(ImportError::H5p(_, m)) if m.contains("no textField"))
    );
    assert!(
        matches!(parse_mark_the_words("{\"textField\":\"no marks\"}", "c.json"), Err(ImportError::H5p(_, m)) if m.contains("no word is marked"))
    );
    assert!(
        matches!(parse_mark_the_words("{\"textField\":\"a *b\"}", "c.json"), Err(ImportError::H5p(_, m)) if m.contains("never closed"))
    );
    assert!(matches!(
        parse_mark_the_words("{\"textField\":\"  \"}", "c.json"),
        Err(ImportError::Empty(_))
    ));
}

#[test]
fn an_imported_article_is_named_from_its_headline_else_its_file() {
    assert_eq!(article_id("Flood vote fails", Some("saved page")), "flood-vote-fails");
    assert_eq!(article_id("  — ", Some("Saved Page (2)")), "saved-page-2");
    assert_eq!(article_id("", None), "article");
}

#[test]
fn ids_from_headlines() {
    assert_eq!(
        suggest_id("Council axes flood wall in late-night vote!"),
        "council-axes-flood-wall-in-late"
    );
    assert_eq!(suggest_id("—"), "article");
}
#[test]
fn regression_html_tag_with_multibyte_char_panics() {
    let cases: &[(&str, &str)] = &[
        ("<p title=\"ż\">Zażółć</p>", "Zażółć"),
        // Not a tag name: text, as a browser shows it.
        ("<ż>gęślą</ż>", "<ż>gęślą"),
        ("<a href=x>é</a>", "é"),
        ("<p>jaźń</p><ż", "jaźń\n\n<ż"),
        ("<p>jaźń</p><é", "jaźń\n\n<é"),
        ("<p>jaźń</p><", "jaźń\n\n<"),
        ("<p>jaźń</p></ż", "jaźń"),
        ("<p>jaźń<p title=\"ż", "jaźń"),
        ("<p>jaźń</p><!-- ż", "jaźń"),
        ("<p>jaźń</p><!--", "jaźń"),
        ("<p>jaźń</p><!-", "jaźń"),
        ("<p>jaźń</p><script>ż", "jaźń"),
        ("<p>jaźń</p><SCRIPT>ż</scrip", "jaźń"),
        ("<p>jaźń</p><title>ż", "jaźń"),
        ("<head><title>ż</title><meta name=\"author\" content=\"Łukasz", ""),
        ("<head><meta property=\"og:site_name\" content=ż", ""),
        ("<p>jaźń &amp", "jaźń &"),
        ("<p>jaźń &#x1F6", "jaźń \u{1F6}"),
        ("<p>jaźń &ż;", "jaźń &ż;"),
        ("<p>jaźń &#ż;</p>", "jaźń &#ż;"),
        ("<p>jaźń &", "jaźń &"),
        ("<h1>Zażółć</h1>", "Zażółć"),
        ("<h1>Zaż", "Zaż"),
        ("<time datetime=\"ż\">", ""),
        ("<meta name=date content=\"2022-11-1ż\">", ""),
    ];
    for (html, text) in cases {
        let a = html_to_article(html);
        assert_eq!(a.text, *text, "{html}");
    }
    // A tag cut off by the end of the file is dropped, as a browser drops it.
    let a = html_to_article("<head><title>ż</title><meta name=\"author\" content=\"Łukasz");
    assert_eq!(a.suggested.headline, "ż");
    assert_eq!(a.suggested.byline, None);
    let a = html_to_article("<head><meta property=\"og:site_name\" content=żółw></head><p>x</p>");
    assert_eq!(a.suggested.outlet, "żółw");
    // Every prefix of a page full of multibyte chars, cut anywhere, imports without a panic.
    let page = "<html><head><title>Łódź – ż</title><meta name=\"date\" content=\"2022-11-15T21:03:00+01:00\"></head><body><h1 class=\"ą\">Żółw</h1><!-- ę --><p title='ń'>Gęś &eacute; &#x1F600; &ż</p><script>ś</script></body></html>";
    for (cut, _) in page.char_indices() {
        let a = html_to_article(&page[..cut]);
        assert!(!a.text.contains("<p") && !a.text.contains("<h1"), "{cut}: {:?}", a.text);
    }
    let whole = html_to_article(page);
    assert_eq!(whole.text, "Żółw\n\nGęś é 😀 &ż");
    assert_eq!(whole.suggested.date.as_deref(), Some("2022-11-15"));
    assert_eq!(whole.suggested.headline, "Łódź – ż");
}

/// Runs `f` and returns what it gives and how long it took.
fn timed<T>(f: impl FnOnce() -> T) -> (T, std::time::Duration) {
    let t = std::time::Instant::now();
    let out = f();
    (out, t.elapsed())
}

#[test]
fn regression_a_megabyte_of_ampersands_takes_seconds_to_import() {
    // Quadratic decoding took 20 s on this (with the hand-written decoder html5ever replaced).
    let amps = "&".repeat(1 << 20);
    let (a, took) = timed(|| html_to_article(&format!("<p>{amps}</p>")));
    assert_eq!(a.text, amps);
    assert!(took.as_secs() < 5, "{took:?}");
    let refs = "&amp;".repeat(1 << 18);
    assert_eq!(html_to_article(&format!("<p>{refs}</p>")).text, "&".repeat(1 << 18));
}

#[test]
fn regression_many_scripts_and_titles_scan_the_page_once() {
    // Each `<script>` used to lower-case the whole rest of the page to find its end.
    let n = 20_000;
    let html = "<SCRIPT>x</Script><p>a</p><title>t</title>".repeat(n);
    let (a, took) = timed(|| html_to_article(&html));
    assert_eq!(a.text, vec!["a"; n].join("\n\n"));
    assert_eq!(a.suggested.headline, "t");
    assert!(took.as_secs() < 5, "{took:?}");
    // Pathological shapes, each a megabyte, each in one pass (html5ever's tokenizer is slow on a
    // flood of `<`, about 2 µs a byte unoptimised, but linear).
    let mb = 1 << 20;
    for (shape, text) in [
        ("<".repeat(mb), "<".repeat(mb)),
        ("<!--".repeat(mb / 4), String::new()),
        (format!("<a{}>", " x=y".repeat(mb / 4)), String::new()),
        (format!("<p>{}</p>", "\n".repeat(mb)), String::new()),
    ] {
        let (a, took) = timed(|| html_to_article(&shape));
        assert_eq!(a.text, text);
        assert!(took.as_secs() < 15, "{took:?}");
    }
}

#[test]
fn plain_text_keeps_every_word_and_drops_blank_ends() {
    let t = import_pasted("\n\n  \n  First line  \n\n\n\nSecond\t \n  \n\n").unwrap();
    assert_eq!(t.text, "  First line\n\n\n\nSecond");
    let blank = "\n".repeat(1 << 20);
    assert!(matches!(import_pasted(&blank), Err(ImportError::Empty(_))));
    let (t, took) = timed(|| import_pasted(&format!("{blank}word{blank}")).unwrap());
    assert_eq!(t.text, "word");
    assert!(took.as_secs() < 5, "{took:?}");
}

proptest::proptest! {
    #[test]
    fn tidy_plain_is_trimmed_lines_without_blank_ends(text in "[a \\t\\r\\n\u{A0}é]{0,40}") {
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        let expected = lines.join("\n").trim_matches('\n').to_string();
        proptest::prop_assert_eq!(tidy_plain(&text), expected);
    }
}

#[test]
fn page_dates_must_be_real_dates() {
    for (raw, date) in [
        ("2022-11-15", Some("2022-11-15")),
        ("2022-11-15T21:03:00Z", Some("2022-11-15")),
        ("2022-11-15T21:03:00+01:00", Some("2022-11-15")),
        ("2022-11-15T21:03:00.123-05:00", Some("2022-11-15")),
        ("2022-11-15T21:03+0530", Some("2022-11-15")),
        ("2022-11-15 21:03", Some("2022-11-15")),
        ("  2024-02-29T23:59:60Z ", Some("2024-02-29")),
        ("2022-13-45", None),
        ("2023-02-30", None),
        ("2023-02-29", None),
        ("yesterday", None),
        ("15/11/2022", None),
        ("2022-11-15T25:00:00Z", None),
        ("2022-11-15T21:03:00+24:00", None),
        ("2022-11-15T21:03:00 Europe/Warsaw", None),
        ("2022-11-15Tabc", None),
        ("2022-11-15x", None),
        ("2022-1ż-15", None),
        ("", None),
    ] {
        assert_eq!(page_date(raw).as_deref(), date, "{raw}");
    }
}

#[test]
fn an_unreal_page_date_is_left_out_with_a_warning() {
    for bad in ["2022-13-45", "yesterday", "2023-02-30"] {
        let html = format!("<head><meta property=\"article:published_time\" content=\"{bad}\"></head><p>Text</p>");
        let a = html_to_article(&html);
        assert_eq!(a.suggested.date, None, "{bad}");
        assert_eq!(a.warnings.len(), 1, "{:?}", a.warnings);
        assert!(
            a.warnings[0].contains(bad) && a.warnings[0].contains("left out"),
            "{}",
            a.warnings[0]
        );
        // What the import would write is metadata `lateral check` accepts.
        let meta = ArticleMeta {
            id: "a".into(),
            outlet: "O".into(),
            headline: "H".into(),
            outlet_kind: "K".into(),
            ..a.suggested
        };
        let src = crate::text::diag::SourceFile::new("a.toml", meta_toml(&meta));
        let mut diags = Vec::new();
        assert!(crate::corpus::parse_meta(&src, &mut diags).is_some(), "{diags:?}");
    }
    // A later, real date is still found; a <time> element is checked too.
    let a =
        html_to_article("<meta name=date content=yesterday><meta name=pubdate content=2022-11-15T21:03:00Z><p>x</p>");
    assert_eq!(a.suggested.date.as_deref(), Some("2022-11-15"));
    assert_eq!(a.warnings.len(), 1);
    let a = html_to_article("<p><time datetime=\"2022-02-31\">then</time></p>");
    assert_eq!((a.suggested.date, a.warnings.len()), (None, 1));
    let a = html_to_article("<p><time datetime=\"2022-11-15T21:03:00+01:00\">then</time></p>");
    assert_eq!((a.suggested.date.as_deref(), a.warnings.len()), (Some("2022-11-15"), 0));
    // A hostile date is shown escaped and cut short.
    let a = html_to_article(&format!("<meta name=date content=\"\x1b[31m{}\">", "9".repeat(500)));
    assert!(
        !a.warnings[0].contains('\x1b') && a.warnings[0].len() < 200,
        "{}",
        a.warnings[0]
    );
}

#[test]
fn regression_h5p_with_twenty_thousand_marked_words_is_quadratic() {
    // 4,000 marked words took 4.5 s; now the marked words' places are found in one pass.
    let words = [
        "council",
        "flood",
        "wall",
        "vote",
        "late",
        "night",
        "residents",
        "angry",
    ];
    let mut field = String::new();
    for i in 0..20_000 {
        let w = words[i % words.len()];
        if i % 2 == 0 {
            field.push_str(&format!("*{w}{}* ", i / 2));
        } else {
            field.push_str(w);
            field.push(' ');
        }
    }
    let json = serde_json::json!({ "textField": field }).to_string();
    let (m, took) = timed(|| parse_mark_the_words(&json, "c.json").unwrap());
    assert_eq!(m.marked.len(), 10_000);
    assert!(took.as_secs() < 5, "{took:?}");
    let (lesson, took) = timed(|| mark_the_words_lesson(&m, "big", "Big"));
    assert!(took.as_secs() < 10, "{took:?}");
    assert_eq!(lesson.matches("[[key]]").count(), 10_000);
    assert!(lesson.contains("quote = \"council9996\"\nlabel"), "{}", &lesson[..2000]);
    // `council4` is also the start of `council40`, `council44`…, in more places than are
    // worth checking words around: named by its occurrence.
    assert!(
        lesson.contains("quote = \"council4\"\noccurrence = 1\n"),
        "{}",
        &lesson[..2000]
    );
    // `council900` is in 4 places (`council900`, `council9000`, `council9004`, `council9008`):
    // told apart by the words around it.
    assert!(
        lesson.contains("quote = \"council900\"\nprefix = \"residents899 angry \"\nsuffix = \" flood wall901\"\n"),
        "{}",
        &lesson[..2000]
    );
}

#[test]
fn marked_words_that_repeat_get_context_or_an_occurrence_and_find_their_place() {
    let json = serde_json::json!({
        "textField": "The *cat* sat. The cat ran. The *cat* hid.\n\n* *Then the dog.",
    })
    .to_string();
    let m = parse_mark_the_words(&json, "c.json").unwrap();
    // `* *` marks no word: H5P shows it as written.
    assert_eq!(
        m.marked,
        vec![crate::text::Span::new(4, 7), crate::text::Span::new(30, 33)]
    );
    let lesson = mark_the_words_lesson(&m, "cats", "Cats");
    assert!(
        lesson.contains("quote = \"cat\"\nprefix = \"The \"\nsuffix = \" sat. The\"\n"),
        "{lesson}"
    );
    assert!(
        lesson.contains("quote = \"cat\"\nprefix = \"ran. The \"\nsuffix = \" hid. *\"\n"),
        "{lesson}"
    );
    // A word in more places than are worth checking words around: its occurrence number.
    let many = vec!["the *cat*"; MARKED_WORD_CONTEXT_PLACES + 1].join(" ");
    let m = parse_mark_the_words(&serde_json::json!({ "textField": many }).to_string(), "c.json").unwrap();
    let lesson = mark_the_words_lesson(&m, "cats", "Cats");
    assert!(lesson.contains("quote = \"cat\"\noccurrence = 17\n"), "{lesson}");
    let article = crate::corpus::Article::new(ArticleMeta::default(), "t.txt", &m.text);
    for (i, sp) in m.marked.iter().enumerate() {
        let anchor = crate::corpus::anchor::Anchor {
            quote: "cat".into(),
            occurrence: Some(i + 1),
            ..Default::default()
        };
        assert_eq!(crate::corpus::anchor::resolve(&article, &anchor), Ok(*sp));
    }
}

#[test]
fn an_h5p_task_is_read_with_its_suggested_metadata_and_imported_into_both_folders() {
    let d = tempfile::tempdir().expect("tempdir");
    let file = d.path().join("content.json");
    let json = r#"{"taskDescription":"Mark the verbs.","textField":"The cat *sat* on the mat and *purred*."}"#;
    std::fs::write(&file, json).expect("write");
    assert!(is_h5p(&file) && is_h5p(Path::new("task.H5P")) && !is_h5p(Path::new("page.html")));
    let Ok(Source::H5p(t)) = read_source(&file) else {
        panic!("an H5P task")
    };
    assert_eq!(t.suggested.headline, "The cat sat on the mat and purred.");
    assert_eq!(t.suggested.outlet, "H5P task");
    let meta = ArticleMeta {
        id: "cat".into(),
        ..t.suggested.clone()
    };
    let (corpus, lessons) = (d.path().join("corpus"), d.path().join("lessons"));
    let done = import_h5p(&t.task, &meta, &corpus, Some(&lessons)).expect("imported");
    assert_eq!(done.article, (corpus.join("cat.txt"), corpus.join("cat.toml")));
    assert_eq!((done.words, done.marked), (8, 2));
    let path = lessons.join("cat.md");
    assert!(matches!(&done.lesson_file, Ok(Some(p)) if *p == path));
    assert_eq!(std::fs::read_to_string(&path).expect("lesson"), done.lesson);
    // Again, under another article id, with the lesson's name taken: the article is written,
    // the lesson left alone.
    std::fs::write(lessons.join("cat2.md"), "mine").expect("write");
    let meta2 = ArticleMeta {
        id: "cat2".into(),
        ..meta
    };
    let again = import_h5p(&t.task, &meta2, &corpus, Some(&lessons)).expect("article imported");
    assert!(matches!(again.lesson_file, Err(LessonNotWritten::Exists(_))));
    assert!(corpus.join("cat2.txt").exists());
    assert_eq!(std::fs::read_to_string(lessons.join("cat2.md")).expect("kept"), "mine");
    // Without a lesson folder nothing but the article is written.
    let meta3 = ArticleMeta {
        id: "cat3".into(),
        ..meta2
    };
    let only = import_h5p(&t.task, &meta3, &corpus, None).expect("imported");
    assert!(matches!(only.lesson_file, Ok(None)));
    assert!(!lessons.join("cat3.md").exists());
}

#[test]
fn read_source_reads_an_article_by_its_extension() {
    let d = tempfile::tempdir().expect("tempdir");
    let file = d.path().join("a.md");
    std::fs::write(&file, "# Title\n\nSome *words*.\n").expect("write");
    match read_source(&file) {
        Ok(Source::Article(a)) => assert_eq!(a.text, "Title\n\nSome words."),
        other => panic!("{other:?}"),
    }
}

#[test]
fn source_from_bytes_reads_what_read_source_reads_from_the_same_file() {
    let d = tempfile::tempdir().expect("tempdir");
    let page = "<html><head><title>Library closed</title></head><body><article><h1>Library closed</h1>\
        <p>The council closed the library without warning, residents said on Tuesday evening.</p>\
        <p>The decision was taken at a meeting that few people knew about in advance.</p></article></body></html>";
    let content = r#"{"taskDescription":"Find the loaded words.","textField":"The council *slammed* the door."}"#;
    for (name, bytes) in [
        ("page.html", page.as_bytes()),
        ("content.json", content.as_bytes()),
        ("a.txt", b"Plain words.\n"),
    ] {
        let file = d.path().join(name);
        std::fs::write(&file, bytes).expect("write");
        let from_disk = read_source(&file).expect("read from disk");
        let uploaded = source_from_bytes(&format!("Downloads/{name}"), bytes.to_vec()).expect("read from bytes");
        assert_eq!(
            format!("{uploaded:?}"),
            format!("{from_disk:?}").replace(&file.display().to_string(), &format!("Downloads/{name}")),
            "{name}"
        );
    }
    let err = source_from_bytes("x.html", b"<p>\0</p>".to_vec()).expect_err("binary");
    assert!(err.to_string().contains("x.html"), "{err}");
    let huge = vec![b'a'; crate::files::MAX_IMPORT_BYTES as usize + 1];
    assert!(matches!(
        source_from_bytes("big.txt", huge),
        Err(ImportError::TooLarge(..))
    ));
}

#[test]
fn article_files_are_what_write_article_writes() {
    let d = tempfile::tempdir().expect("tempdir");
    let meta = ArticleMeta {
        id: "bridge".into(),
        outlet: "Test Gazette".into(),
        headline: "Bridge closes".into(),
        outlet_kind: "A made-up local paper".into(),
        ..Default::default()
    };
    let [(txt, body), (toml, meta_text)] = article_files(&meta, "The bridge closes.").expect("the files");
    let (txt_path, toml_path) = write_article(d.path(), &meta, "The bridge closes.").expect("written");
    assert_eq!((txt.as_str(), toml.as_str()), ("bridge.txt", "bridge.toml"));
    assert_eq!(std::fs::read_to_string(txt_path).expect("read"), body);
    assert_eq!(std::fs::read_to_string(toml_path).expect("read"), meta_text);
    let blank = ArticleMeta {
        outlet: String::new(),
        ..meta.clone()
    };
    assert!(
        article_files(&blank, "x")
            .expect_err("a field is blank")
            .contains("outlet")
    );
    let bad = ArticleMeta {
        id: "../up".into(),
        ..meta
    };
    assert!(
        article_files(&bad, "x")
            .expect_err("not an id")
            .contains("cannot be an article id")
    );
}
