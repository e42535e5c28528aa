//! The lesson format, field by field: what it accepts and how it says no.

use lateral::corpus::Corpus;
use lateral::lesson::bundled;
use lateral::lesson::library::parse_lesson_text;
use lateral::lesson::{Extent, Lesson, StepBody, Task};
use lateral::text::Span;
use lateral::text::diag::Diagnostic;

fn corpus() -> Corpus {
    bundled::corpus()
}

fn parse(text: &str) -> (Option<Lesson>, Vec<Diagnostic>) {
    let lf = parse_lesson_text("t.md", text.to_string(), &corpus());
    (lf.lesson, lf.diagnostics)
}

fn lesson(text: &str) -> Lesson {
    let (l, d) = parse(text);
    assert!(d.iter().all(|d| !d.is_error()), "{d:#?}");
    l.expect("the lesson parsed")
}

fn errors(text: &str) -> Vec<String> {
    parse(text)
        .1
        .into_iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect()
}

fn has(errs: &[String], needle: &str) -> bool {
    errs.iter().any(|e| e.contains(needle))
}

const HEAD: &str = "+++\ntitle = \"T\"\n+++\nIntro.\n\n";

fn conflict(keys: &str) -> String {
    format!(
        "{HEAD}+++ step\nkind = \"highlight\"\ntask = \"conflict\"\narticles = [\"ap-ktvz\", \"saitarli\"]\n{keys}+++\nFind both.\n"
    )
}

const AP: &str = "[[key]]\nid = \"a\"\narticle = \"ap-ktvz\"\nquote = \"probably launched by Ukrainian air defenses\"\nexplanation = \"x\"\n";
const AI: &str =
    "[[key]]\nid = \"b\"\narticle = \"saitarli\"\nquote = \"likely a Russian missile\"\nexplanation = \"x\"\n";

#[test]
fn a_conflict_pair_links_both_ways() {
    let l = lesson(&conflict(&format!("{AP}pair = \"b\"\n{AI}")));
    let keys = l.steps[0].keys();
    assert_eq!(keys[0].pair, Some(1));
    assert_eq!(keys[1].pair, Some(0));
    assert_eq!(l.steps[0].task(), Some(Task::Conflict));
    assert_eq!(l.steps[0].articles, ["ap-ktvz", "saitarli"]);
}

#[test]
fn conflict_pair_mistakes() {
    let e = errors(&conflict(&format!("{AP}{AI}")));
    assert!(has(&e, "key `a` is one side of a conflict with no other side"), "{e:?}");
    let e = errors(&conflict(&format!("{AP}pair = \"c\"\n{AI}")));
    assert!(has(&e, "there is no key `c` in this step to pair with"), "{e:?}");
    let e = errors(&conflict(&format!("{AP}pair = \"a\"\n{AI}pair = \"a\"\n")));
    assert!(has(&e, "cannot be paired with itself"), "{e:?}");
    let third =
        "[[key]]\nid = \"c\"\narticle = \"saitarli\"\nquote = \"Source: CNN\"\nexplanation = \"x\"\npair = \"a\"\n";
    let e = errors(&conflict(&format!("{AP}pair = \"b\"\n{AI}{third}")));
    assert!(has(&e, "already paired"), "{e:?}");
    let e = errors(&conflict(&format!("{AP}pair = \"b\"\nlabel = \"naming\"\n{AI}")));
    assert!(has(&e, "keys of a conflict step have no label"), "{e:?}");
}

#[test]
fn a_two_article_step_needs_each_key_to_say_which_article() {
    let e = errors(&conflict(&format!("{}{AI}", AP.replace("article = \"ap-ktvz\"\n", ""))));
    assert!(has(&e, "say which one this key is in"), "{e:?}");
    let e = errors(&conflict(&format!(
        "{}pair = \"b\"\n{AI}",
        AP.replace("\"ap-ktvz\"\nquote", "\"rt\"\nquote")
    )));
    assert!(has(&e, "`rt` is not one of this step's articles"), "{e:?}");
}

fn bias(keys: &str) -> String {
    format!("{HEAD}+++ step\nkind = \"highlight\"\ntask = \"bias\"\narticles = [\"rt\"]\n{keys}+++\nFind it.\n")
}

#[test]
fn extents_cover_the_quote_its_sentence_or_its_paragraph() {
    let key = |extent: &str| {
        format!(
            "[[key]]\nquote = \"doubled down\"\nlabel = \"loaded-word\"\nexplanation = \"x\"\nextent = \"{extent}\"\n"
        )
    };
    let corpus = corpus();
    let rt = corpus.get("rt").unwrap();
    let exact = lesson(&bias(&key("exact")));
    let k = &exact.steps[0].keys()[0];
    assert_eq!(rt.slice(k.core), "doubled down");
    assert_eq!(k.allowed, k.core);
    assert_eq!(k.extent, Extent::Exact);
    let sentence = lesson(&bias(&key("sentence")));
    let k = &sentence.steps[0].keys()[0];
    assert_eq!(
        rt.slice(k.allowed),
        "But the Ukrainian leader doubled down on his claim that it was not fired by Kiev’s forces."
    );
    let para = lesson(&bias(&key("paragraph")));
    let k = &para.steps[0].keys()[0];
    assert!(rt.slice(k.allowed).starts_with("Western nations have since assessed"));
    assert!(k.allowed.contains(&sentence.steps[0].keys()[0].allowed));
    let e = errors(&bias(&key("sentense")));
    assert!(has(&e, "`sentense` is not an extent"), "{e:?}");
}

#[test]
fn labels_must_exist_and_can_be_declared() {
    let own = "+++\ntitle = \"T\"\n[[label]]\nid = \"emotional-appeal\"\nname = \"Emotional appeal\"\ntask = \"bias\"\n+++\n\n+++ step\nkind = \"highlight\"\ntask = \"bias\"\narticles = [\"rt\"]\nlabels = [\"emotional-appeal\", \"naming\"]\n[[key]]\nquote = \"doubled down\"\nlabel = \"emotional-appeal\"\nexplanation = \"x\"\n+++\nGo.\n";
    let l = lesson(own);
    match &l.steps[0].body {
        StepBody::Highlight { labels, .. } => assert_eq!(labels, &["emotional-appeal", "naming"]),
        other => panic!("{other:?}"),
    }
    assert_eq!(l.label("emotional-appeal").unwrap().name, "Emotional appeal");
    let e = errors(&bias("[[key]]\nquote = \"doubled down\"\nexplanation = \"x\"\n"));
    assert!(has(&e, "every key of a bias step needs a label"), "{e:?}");
    // A machine label is not offered on a bias step.
    let e = errors(&bias(
        "[[key]]\nquote = \"doubled down\"\nlabel = \"disclosure\"\nexplanation = \"x\"\n",
    ));
    assert!(has(&e, "there is no label `disclosure`"), "{e:?}");
}

/// Issue 15: a bias step's keys without labels were refused outright, so a teacher could not
/// ask for "the loaded words" without having students name a kind. `labels = []` allows it;
/// students highlight without a label and scoring looks only at the places.
#[test]
fn regression_unlabelled_bias_keys_refused_outright() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/fixtures/unlabelled/unlabelled-bias.md")).expect("read");
    let (l, d) = parse(&text);
    assert!(d.is_empty(), "valid, no warning: {d:#?}");
    let l = std::sync::Arc::new(l.expect("the lesson"));
    match &l.steps[0].body {
        StepBody::Highlight { task, labels, keys } => {
            assert_eq!(*task, Task::Bias);
            assert!(labels.is_empty());
            assert!(keys.iter().all(|k| k.label.is_none()), "{keys:?}");
        }
        other => panic!("{other:?}"),
    }
    // Both places highlighted without a label: full marks.
    let mut s = lateral::grading::session::Session::new(l.clone(), &corpus(), "Ana");
    for k in l.steps[0].keys() {
        assert!(matches!(
            s.add_highlight(0, k.core, None),
            lateral::grading::session::AddOutcome::Added(_)
        ));
    }
    let score = s.check().expect("checked").score;
    assert!((score - 1.0).abs() < 1e-9, "{score}");
    // A key with a label in a step that offers none is an error at the label.
    let labelled = text.replacen(
        "quote = \"doubled down\"\n",
        "quote = \"doubled down\"\nlabel = \"loaded-word\"\n",
        1,
    );
    let e = errors(&labelled);
    assert!(
        has(
            &e,
            "20:9 this step offers no labels (`labels = []`), so its keys have none"
        ),
        "{e:?}"
    );
    // Without `labels = []`, the step offers its task's labels and each key needs one; the
    // message says how to have none.
    let (_, d) = parse(&text.replace("labels = []\n", ""));
    let needs = d
        .iter()
        .find(|d| d.message.contains("needs a label"))
        .expect("an error");
    assert!(
        needs.suggestion.as_deref().unwrap_or_default().contains("labels = []"),
        "{needs:?}"
    );
}

#[test]
fn keys_with_the_same_label_must_not_overlap() {
    let e = errors(&bias(
        "[[key]]\nquote = \"doubled down\"\nlabel = \"loaded-word\"\nexplanation = \"x\"\n[[key]]\nquote = \"down on his claim\"\nlabel = \"loaded-word\"\nexplanation = \"y\"\n",
    ));
    assert!(has(&e, "overlap and have the same label"), "{e:?}");
    // Different labels may overlap.
    lesson(&bias(
        "[[key]]\nquote = \"doubled down\"\nlabel = \"loaded-word\"\nexplanation = \"x\"\n[[key]]\nquote = \"down on his claim\"\nlabel = \"naming\"\nexplanation = \"y\"\n",
    ));
}

#[test]
fn fields_in_the_wrong_kind_of_step_are_named() {
    let e = errors(&format!(
        "{HEAD}+++ step\nkind = \"read\"\ntask = \"bias\"\n[[option]]\ntext = \"a\"\n+++\nRead.\n"
    ));
    assert!(has(&e, "`task` belongs in a highlight step, not a read step"), "{e:?}");
    assert!(has(&e, "`option` belongs in a choice step, not a read step"), "{e:?}");
}

#[test]
fn choice_steps_need_options_and_a_right_answer() {
    let e = errors(&format!(
        "{HEAD}+++ step\nkind = \"choice\"\n[[option]]\ntext = \"a\"\n+++\nQ?\n"
    ));
    assert!(has(&e, "at least two options"), "{e:?}");
    let e = errors(&format!(
        "{HEAD}+++ step\nkind = \"choice\"\n[[option]]\ntext = \"a\"\n[[option]]\ntext = \"b\"\n+++\nQ?\n"
    ));
    assert!(has(&e, "no option of this choice step is marked correct"), "{e:?}");
    let l = lesson(&format!(
        "{HEAD}+++ step\nkind = \"choice\"\nmultiple = true\n[[option]]\ntext = \"a\"\ncorrect = true\n[[option]]\ntext = \"b\"\n+++\nQ?\n"
    ));
    assert!(matches!(&l.steps[0].body, StepBody::Choice { multiple: true, options } if options.len() == 2));
}

#[test]
fn settings_defaults_and_values() {
    let l = lesson(&format!("{HEAD}+++ step\nkind = \"read\"\n+++\nRead.\n"));
    assert!(l.settings.retry && l.settings.show_solution && l.settings.hints);
    assert_eq!(l.settings.max_attempts, None);
    assert_eq!(l.id, "t");
    let l = lesson(
        "+++\nid = \"x\"\ntitle = \"T\"\n[settings]\nretry = false\nmax_attempts = 3\nshow_solution = false\nwrong_label_credit = 0.25\n+++\n\n+++ step\nkind = \"read\"\n+++\nRead.\n",
    );
    assert!(!l.settings.retry && !l.settings.show_solution);
    assert_eq!(l.settings.max_attempts, Some(3));
    assert_eq!(l.settings.wrong_label_credit, 0.25);
    let e = errors(
        "+++\ntitle = \"T\"\n[settings]\nretry = \"yes\"\nwrong_label_credit = 2\n+++\n\n+++ step\nkind = \"read\"\n+++\n",
    );
    assert!(
        has(&e, "`retry` in a settings table should be true or false, not text"),
        "{e:?}"
    );
    assert!(
        has(&e, "`wrong_label_credit` is 2, but it must be between 0 and 1"),
        "{e:?}"
    );
}

#[test]
fn step_ids_and_block_mistakes() {
    let e = errors(&format!(
        "{HEAD}+++ step\nid = \"s\"\nkind = \"read\"\n+++\n\n+++ step\nid = \"s\"\nkind = \"read\"\n+++\n"
    ));
    assert!(has(&e, "two steps have the id `s`"), "{e:?}");
    let e = errors(&format!("{HEAD}+++\nkind = \"read\"\n+++\n"));
    assert!(has(&e, "a step starts with `+++ step`"), "{e:?}");
    let e = errors(&format!(
        "{HEAD}+++ step\nkind = \"read\"\n\n+++ step\nkind = \"read\"\n+++\n"
    ));
    assert!(has(&e, "never closed"), "{e:?}");
}

#[test]
fn warns_when_keys_cover_most_of_an_article() {
    let mut corpus = Corpus::new();
    let meta = lateral::corpus::ArticleMeta {
        id: "short".into(),
        ..Default::default()
    };
    corpus
        .add(lateral::corpus::Article::new(
            meta,
            "short.txt",
            "One claim here. Another one, a little longer.\n\nA short one.",
        ))
        .unwrap();
    let step = |extent: &str| {
        format!(
            "{HEAD}+++ step\nkind = \"highlight\"\ntask = \"bias\"\narticles = [\"short\"]\n[[key]]\nquote = \"claim\"\nlabel = \"naming\"\nextent = \"{extent}\"\nexplanation = \"x\"\n+++\nGo.\n"
        )
    };
    let warned = |text: String| {
        let src = lateral::text::diag::SourceFile::new("t.md", text);
        let (_, d) = lateral::lesson::parse_lesson(&src, &corpus);
        assert!(d.iter().all(|d| !d.is_error()), "{d:#?}");
        d.iter().any(|d| d.message.contains("cover more than half"))
    };
    assert!(warned(step("paragraph")));
    assert!(!warned(step("exact")));
}

#[test]
fn raw_html_in_prose_is_a_warning() {
    let (l, d) = parse(&format!("{HEAD}+++ step\nkind = \"read\"\n+++\nRead <b>this</b>.\n"));
    assert!(l.is_some());
    assert!(
        d.iter()
            .any(|d| !d.is_error() && d.message.contains("HTML") && d.line == 9),
        "{d:#?}"
    );
}

#[test]
fn key_offsets_are_char_offsets_into_the_displayed_text() {
    let l = lesson(&bias(
        "[[key]]\nquote = \"Kiev’s forces\"\nlabel = \"naming\"\nexplanation = \"x\"\n",
    ));
    let corpus = corpus();
    let rt = corpus.get("rt").unwrap();
    let k = &l.steps[0].keys()[0];
    assert_eq!(rt.slice(k.core), "Kiev’s forces");
    let chars_before = rt.text.as_str().chars().take(k.core.start).collect::<String>();
    assert!(chars_before.ends_with("not fired by "));
    assert_eq!(
        k.core,
        Span::new(k.core.start, k.core.start + "Kiev’s forces".chars().count())
    );
    // Typed with a straight apostrophe, it finds the same place.
    let l2 = lesson(&bias(
        "[[key]]\nquote = \"Kiev's  forces\"\nlabel = \"naming\"\nexplanation = \"x\"\n",
    ));
    assert_eq!(l2.steps[0].keys()[0].core, k.core);
}

fn warnings(text: &str) -> Vec<String> {
    parse(text)
        .1
        .into_iter()
        .filter(|d| !d.is_error())
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect()
}

/// Issue 12: text a student reads before checking must not state a key.
#[test]
fn a_key_quoted_where_students_read_it_before_checking_is_a_warning() {
    let key = "[[key]]\nid = \"doubled\"\nquote = \"doubled down\"\nlabel = \"loaded-word\"\nexplanation = \"It quotes “doubled down”: fine here.\"\n";
    // Quiet: the explanation (shown after Check) may quote it.
    assert!(warnings(&bias(key)).is_empty(), "{:?}", warnings(&bias(key)));
    // The step's instructions (line 16, after the step block), at the quote's first word.
    let w = warnings(&bias(key).replace("Find it.", "Find it: Austin “doubled down”."));
    assert!(
        has(
            &w,
            "16:18 this step's instructions gives the answer away: it quotes key `doubled`"
        ),
        "{w:?}"
    );
    // A hint, the title, the introduction.
    let hinted = bias(&format!("hints = [\"Look for doubled down.\"]\n{key}"));
    assert!(
        has(
            &warnings(&hinted),
            "a hint (“Look for doubled down.”) gives the answer away: it quotes key `doubled`"
        ),
        "{:?}",
        warnings(&hinted)
    );
    let titled = bias(&format!("title = \"Doubled Down\"\n{key}"));
    assert!(has(&warnings(&titled), "this step's title gives the answer away"));
    let intro = bias(key).replace("Intro.", "Intro: who doubled down?");
    assert!(
        has(
            &warnings(&intro),
            "4:12 the lesson's introduction gives the answer away"
        ),
        "{:?}",
        warnings(&intro)
    );
    // A different word is not a key.
    assert!(warnings(&bias(key).replace("Find it.", "Find the doubling.")).is_empty());
}

/// Issue 12: the Saitarli page's source note, shown above the article from the start, stated
/// the machine-text keys ("says it was created by Artificial Intelligence", "gives Source: CNN").
#[test]
fn regression_source_note_states_the_machine_keys() {
    let machine = format!(
        "{HEAD}+++ step\nkind = \"highlight\"\ntask = \"machine\"\narticles = [\"saitarli\"]\n[[key]]\nid = \"src\"\nquote = \"Source: CNN\"\nlabel = \"template-residue\"\nexplanation = \"x\"\n+++\nFind it.\n"
    );
    let w = warnings(&machine);
    assert!(!has(&w, "source note"), "the bundled note no longer states it: {w:?}");
    let bundled = corpus();
    let saitarli = bundled.get("saitarli").expect("bundled");
    let mut meta = saitarli.meta.clone();
    meta.outlet_kind = "Unknown; it gives “Source: CNN”".into();
    meta.removed.clear(); // the text below is the displayed text already
    let mut corpus = Corpus::new();
    let article = lateral::corpus::Article::new(meta, "saitarli.txt", saitarli.text.as_str());
    corpus.add(article).expect("one article");
    let lf = parse_lesson_text("t.md", machine, &corpus);
    let w: Vec<String> = lf.diagnostics.iter().map(|d| d.message.clone()).collect();
    assert!(
        has(
            &w,
            "the source note (`outlet_kind`) of article `saitarli`, shown above it, gives the answer away"
        ),
        "{w:?}"
    );
}

/// Issue 13: a hint that gives most of a key's words, or three of them in a row, gives it away
/// as surely as one that quotes it; a hint that says where or what kind does not. The warning
/// quotes the hint and names the key.
#[test]
fn a_hint_with_most_of_a_keys_words_is_a_warning() {
    let key = "[[key]]\nid = \"doubled\"\nquote = \"doubled down on his claim\"\nlabel = \"loaded-word\"\nexplanation = \"x\"\n";
    let with_hint = |h: &str| warnings(&bias(&format!("hints = [\"{h}\"]\n{key}")));
    // Two of its three content words (“doubled”, “down”, “claim”), out of order.
    let w = with_hint("Who claimed what, and who doubled it down?");
    assert!(
        has(
            &w,
            "a hint (“Who claimed what, and who doubled it down?”) gives the answer away: it uses 2 of the 3 content words of key `doubled`"
        ),
        "{w:?}"
    );
    // Three words in a row.
    let w = with_hint("Find the words doubled down on.");
    assert!(has(&w, "it repeats “doubled down on” from key `doubled`"), "{w:?}");
    // Where and what kind: fine.
    let w = with_hint("Which verb makes Ukraine's president sound stubborn?");
    assert!(w.is_empty(), "{w:?}");
}

#[test]
fn a_lesson_says_its_language_as_a_tag_kept_in_canonical_case() {
    const STEP: &str = "+++ step\nkind = \"read\"\n+++\nRead.\n";
    let with = |lang: &str| format!("+++\ntitle = \"T\"\nlang = {lang}\n+++\nIntro.\n\n{STEP}");
    assert_eq!(lesson(&with("\"pl\"")).lang.as_deref(), Some("pl"));
    assert_eq!(lesson(&with("\"UK\"")).lang.as_deref(), Some("uk"));
    assert_eq!(lesson(&with("\"pl-pl\"")).lang.as_deref(), Some("pl-PL"));
    assert_eq!(lesson(&format!("{HEAD}{STEP}")).lang, None);
    // Not a tag: an error at the value (line 3, column 8), with what to write, and no language.
    for bad in ["\"polish\"", "\"pl_PL\"", "\"p l\"", "\"\""] {
        let (l, d) = parse(&with(bad));
        let e: Vec<&Diagnostic> = d.iter().filter(|d| d.is_error()).collect();
        assert_eq!(e.len(), 1, "{bad}: {d:#?}");
        assert_eq!((e[0].line, e[0].column), (3, 8), "{bad}");
        let help = e[0].suggestion.as_deref().unwrap_or("");
        assert!(help.contains("\"pl\"") || help.contains("\"pl-PL\""), "{bad}: {help}");
        assert_eq!(l.map(|l| l.lang), Some(None), "{bad}");
    }
    assert!(has(&errors(&with("\"pl_PL\"")), "`pl_PL` separates its parts with `_`"));
    // Not text at all: the usual wrong-type error.
    assert!(has(&errors(&with("48")), "lang"));
    // A country code for Ukrainian: kept, with a warning that says `uk`.
    let (l, d) = parse(&with("\"ua\""));
    assert_eq!(l.and_then(|l| l.lang).as_deref(), Some("ua"));
    assert!(
        d.iter()
            .any(|d| !d.is_error() && d.message.contains("Ukrainian is `uk`") && d.line == 3),
        "{d:#?}"
    );
}
