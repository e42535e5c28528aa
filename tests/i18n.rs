//! The translation layer (issue 17 §1): every `.ftl` file parses, every locale has exactly the
//! messages English has, translations use only the variables English passes, every `tr!` in the
//! source names a message that exists with the variables it needs, and no visible string in
//! `src/app/` bypasses `tr!`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use lateral::i18n::{Locale, sources};
use syn::visit::Visit;

/// Message ids (`id` and `id.attribute`) of one locale, each with the variables it uses and the
/// file it is in.
type Messages = BTreeMap<String, (BTreeSet<String>, &'static str)>;

fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

fn inline_vars(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => args_vars(arguments, out),
        ast::InlineExpression::TermReference { arguments: Some(a), .. } => args_vars(a, out),
        ast::InlineExpression::Placeable { expression } => expr_vars(expression, out),
        _ => {}
    }
}

fn args_vars(a: &ast::CallArguments<&str>, out: &mut BTreeSet<String>) {
    a.positional.iter().for_each(|e| inline_vars(e, out));
    a.named.iter().for_each(|n| inline_vars(&n.value, out));
}

fn expr_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, out),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            variants.iter().for_each(|v| pattern_vars(&v.value, out));
        }
    }
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr_vars(expression, out);
        }
    }
}

/// Every locale's messages; every syntax error and duplicate id as a message.
fn all_messages() -> (BTreeMap<Locale, Messages>, Vec<String>) {
    let mut problems = Vec::new();
    let mut out = BTreeMap::new();
    for (locale, files) in sources() {
        let mut messages = Messages::new();
        for (area, text) in files {
            let file = format!("assets/i18n/{}/{area}.ftl", locale.code());
            let resource = match fluent_syntax::parser::parse(text) {
                Ok(r) => r,
                Err((r, errors)) => {
                    for e in errors {
                        let (line, col) = line_col(text, e.pos.start);
                        problems.push(format!("{file}:{line}:{col}: syntax error: {}", e.kind));
                    }
                    r
                }
            };
            for entry in resource.body {
                let ast::Entry::Message(m) = entry else {
                    if let ast::Entry::Junk { content } = entry {
                        problems.push(format!("{file}: junk: {content:?}"));
                    }
                    continue;
                };
                let mut entries = Vec::new();
                if let Some(v) = &m.value {
                    let mut vars = BTreeSet::new();
                    pattern_vars(v, &mut vars);
                    entries.push((m.id.name.to_string(), vars));
                }
                for a in &m.attributes {
                    let mut vars = BTreeSet::new();
                    pattern_vars(&a.value, &mut vars);
                    entries.push((format!("{}.{}", m.id.name, a.id.name), vars));
                }
                for (id, vars) in entries {
                    if let Some((_, first)) = messages.get(&id) {
                        problems.push(format!("{file}: `{id}` is already in {first}.ftl"));
                    } else {
                        messages.insert(id, (vars, area));
                    }
                }
            }
        }
        out.insert(locale, messages);
    }
    (out, problems)
}

#[test]
fn every_ftl_file_parses_without_duplicates() {
    let (_, problems) = all_messages();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_locale_has_exactly_the_english_messages() {
    let (all, _) = all_messages();
    let en = &all[&Locale::En];
    let mut problems = Vec::new();
    for (locale, messages) in &all {
        if *locale == Locale::En {
            continue;
        }
        let code = locale.code();
        for (id, (vars, area)) in en {
            match messages.get(id) {
                None => problems.push(format!("assets/i18n/{code}/{area}.ftl: `{id}` is missing")),
                Some((theirs, their_area)) => {
                    if their_area != area {
                        problems.push(format!(
                            "`{id}` is in {area}.ftl in English but {their_area}.ftl in {code}"
                        ));
                    }
                    for v in theirs.difference(vars) {
                        problems.push(format!(
                            "assets/i18n/{code}/{area}.ftl: `{id}` uses ${v}, which English does not pass"
                        ));
                    }
                }
            }
        }
        for (id, (_, area)) in messages {
            if !en.contains_key(id) {
                problems.push(format!(
                    "assets/i18n/{code}/{area}.ftl: `{id}` is not an English message"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// A `tr!` call: its id, the names of its arguments, where it is.
struct TrCall {
    id: String,
    args: BTreeSet<String>,
    at: String,
}

/// The `tr!` calls in the token stream of a macro, and the literals outside them.
fn tr_call(tokens: proc_macro2::TokenStream, at: String) -> Option<TrCall> {
    let mut it = tokens.into_iter();
    let first = it.next()?;
    let id = syn::parse2::<syn::LitStr>(first.into()).ok()?.value();
    let mut args = BTreeSet::new();
    let depth_zero: Vec<proc_macro2::TokenTree> = it.collect();
    // `, key = value` at the top level: a key is an identifier followed by `=` (not `==`).
    let mut i = 0;
    while i + 2 < depth_zero.len() {
        if let (
            proc_macro2::TokenTree::Punct(comma),
            proc_macro2::TokenTree::Ident(key),
            proc_macro2::TokenTree::Punct(eq),
        ) = (&depth_zero[i], &depth_zero[i + 1], &depth_zero[i + 2])
            && comma.as_char() == ','
            && eq.as_char() == '='
        {
            args.insert(key.to_string());
        }
        i += 1;
    }
    Some(TrCall { id, args, at })
}

/// What a visit of one file finds.
#[derive(Default)]
struct Found {
    calls: Vec<TrCall>,
    /// Visible strings that bypass `tr!`: where, and the string.
    bare: Vec<(usize, String)>,
}

struct Visitor<'a> {
    file: String,
    lines: Vec<&'a str>,
    /// Only `src/app/` is held to "no bare visible string".
    lint: bool,
    found: Found,
}

/// Macros whose strings never reach the screen (messages for developers and logs, paths).
const SILENT_MACROS: &[&str] = &[
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "panic",
    "unreachable",
    "todo",
    "unimplemented",
    "eprintln",
    "eprint",
    "println",
    "print",
    "include_str",
    "include_bytes",
    "concat",
    "env",
    "option_env",
    "matches",
    "cfg",
    "stringify",
];

/// Methods and functions whose string arguments are ids, keys or developers' messages, never text.
const SILENT_CALLS: &[&str] = &[
    "id_salt",
    "push_id",
    "with",
    "expect",
    "id_source",
    "with_id",
    "new_with_id",
    "from_id",
    "persistence_id",
];

fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| match &a.meta {
        // `cfg(test)` only: code under `cfg(not(test))` (a real file dialog) is what users see.
        syn::Meta::List(l) => l.path.is_ident("cfg") && l.tokens.to_string().replace(' ', "") == "test",
        _ => false,
    })
}

/// True for a string that is not words: symbols, numbers, format placeholders, or one
/// identifier-like token (a key, an id, a file name or extension: lowercase ASCII without
/// spaces, with `-`, `_`, `.`, `:` or `/` in it, or at most four letters like `md` or `json`).
fn is_not_text(s: &str) -> bool {
    let mut stripped = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = (depth - 1_i32).max(0),
            _ if depth == 0 => stripped.push(c),
            _ => {}
        }
    }
    if !stripped.chars().any(char::is_alphabetic) {
        return true;
    }
    let id_like = stripped
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.:/*#?=&+".contains(c));
    let short = stripped.chars().filter(|c| c.is_ascii_lowercase()).count() <= 4;
    id_like && (short || stripped.contains(['-', '_', '.', ':', '/']))
}

impl Visitor<'_> {
    /// An explicit allowance: `// i18n: not text (why)` on the string's line or the line above.
    fn allowed(&self, line: usize) -> bool {
        let marked = |l: usize| l >= 1 && self.lines.get(l - 1).is_some_and(|s| s.contains("// i18n: not text"));
        marked(line) || marked(line.saturating_sub(1))
    }

    fn check(&mut self, s: &str, line: usize) {
        if self.lint && !is_not_text(s) && !self.allowed(line) {
            self.found.bare.push((line, s.to_string()));
        }
    }

    /// A `tr!` call: its id is no visible string, its arguments' strings may be.
    fn tr(&mut self, tokens: proc_macro2::TokenStream, at: String) {
        if let Some(call) = tr_call(tokens.clone(), at) {
            self.found.calls.push(call);
        }
        self.tokens(tokens.into_iter().skip(1).collect());
    }

    /// The strings in a macro's tokens (a macro's arguments are not parsed by syn).
    fn tokens(&mut self, tokens: proc_macro2::TokenStream) {
        let mut prev_tr = false;
        let mut prev_bang = false;
        let mut prev_hash = false;
        for tt in tokens {
            let hash = matches!(&tt, proc_macro2::TokenTree::Punct(p) if p.as_char() == '#');
            match tt {
                // `#[doc = "…"]` and other attributes inside a macro (`thread_local!`, …).
                proc_macro2::TokenTree::Group(g) if prev_hash && g.delimiter() == proc_macro2::Delimiter::Bracket => {}
                proc_macro2::TokenTree::Group(g) => {
                    if prev_tr && prev_bang {
                        let at = format!("{}:{}", self.file, g.span().start().line);
                        self.tr(g.stream(), at);
                    } else {
                        self.tokens(g.stream());
                    }
                    prev_tr = false;
                    prev_bang = false;
                }
                proc_macro2::TokenTree::Ident(i) => {
                    prev_tr = i == "tr";
                    prev_bang = false;
                }
                proc_macro2::TokenTree::Punct(p) => {
                    prev_bang = prev_tr && p.as_char() == '!';
                    if !prev_bang {
                        prev_tr = false;
                    }
                }
                proc_macro2::TokenTree::Literal(l) => {
                    if let Ok(s) = syn::parse2::<syn::LitStr>(proc_macro2::TokenTree::Literal(l.clone()).into()) {
                        self.check(&s.value(), l.span().start().line);
                    }
                    prev_tr = false;
                    prev_bang = false;
                }
            }
            prev_hash = hash;
        }
    }
}

impl<'ast> Visit<'ast> for Visitor<'_> {
    fn visit_attribute(&mut self, _: &'ast syn::Attribute) {}

    fn visit_item(&mut self, i: &'ast syn::Item) {
        let attrs = match i {
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Impl(m) => &m.attrs,
            syn::Item::Const(m) => &m.attrs,
            syn::Item::Static(m) => &m.attrs,
            syn::Item::Struct(m) => &m.attrs,
            syn::Item::Enum(m) => &m.attrs,
            _ => return syn::visit::visit_item(self, i),
        };
        if !is_cfg_test(attrs) {
            syn::visit::visit_item(self, i);
        }
    }

    fn visit_impl_item_fn(&mut self, i: &'ast syn::ImplItemFn) {
        if !is_cfg_test(&i.attrs) {
            syn::visit::visit_impl_item_fn(self, i);
        }
    }

    fn visit_pat(&mut self, _: &'ast syn::Pat) {}

    fn visit_lit_str(&mut self, s: &'ast syn::LitStr) {
        self.check(&s.value(), s.span().start().line);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        let name = m.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
        if name == "tr" {
            let at = format!("{}:{}", self.file, m.path.segments[0].ident.span().start().line);
            self.tr(m.tokens.clone(), at);
        } else if !SILENT_MACROS.contains(&name.as_str()) {
            self.tokens(m.tokens.clone());
        }
    }

    fn visit_expr_method_call(&mut self, c: &'ast syn::ExprMethodCall) {
        if SILENT_CALLS.contains(&c.method.to_string().as_str()) {
            self.visit_expr(&c.receiver);
        } else {
            syn::visit::visit_expr_method_call(self, c);
        }
    }

    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        if let syn::Expr::Path(p) = &*c.func {
            let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
            // `Id::new("…")`, and a panel's id: `Panel::left("steps")`.
            let silent = matches!(segs.as_slice(), [.., a, b] if a == "Id" && b == "new")
                || matches!(segs.as_slice(), [.., a, _] if a.ends_with("Panel"))
                || segs.last().is_some_and(|s| SILENT_CALLS.contains(&s.as_str()));
            if silent {
                return;
            }
        }
        syn::visit::visit_expr_call(self, c);
    }
}

fn visit_file(path: &Path) -> (String, Found) {
    let text = std::fs::read_to_string(path).expect("source file");
    let file = path
        .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap_or(path)
        .display()
        .to_string();
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let is_test_file = name == "tests.rs" || name.ends_with("_tests.rs");
    let lint = file.starts_with("src/app/") && !is_test_file;
    let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut v = Visitor {
        file: file.clone(),
        lines: text.lines().collect(),
        lint,
        found: Found::default(),
    };
    if !is_test_file {
        v.visit_file(&parsed);
    }
    (file, v.found)
}

#[test]
fn every_tr_names_an_english_message_with_its_variables() {
    let (all, _) = all_messages();
    let en = &all[&Locale::En];
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut problems = Vec::new();
    let mut calls = 0;
    for path in files {
        let (_, found) = visit_file(&path);
        for c in found.calls {
            calls += 1;
            match en.get(&c.id) {
                None => problems.push(format!("{}: tr!(\"{}\") is not in assets/i18n/en/", c.at, c.id)),
                Some((vars, _)) => {
                    for v in vars.difference(&c.args) {
                        problems.push(format!("{}: tr!(\"{}\") does not pass ${v}", c.at, c.id));
                    }
                    for a in c.args.difference(vars) {
                        problems.push(format!(
                            "{}: tr!(\"{}\") passes {a}, which the message does not use",
                            c.at, c.id
                        ));
                    }
                }
            }
        }
    }
    assert!(calls > 0, "no tr! call found: is the scan broken?");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_visible_string_in_the_app_bypasses_the_translation_layer() {
    let mut files = Vec::new();
    rust_files(&src().join("app"), &mut files);
    assert!(files.len() > 20, "the app's source was not found");
    let mut problems = Vec::new();
    for path in files {
        let (file, found) = visit_file(&path);
        for (line, s) in found.bare {
            problems.push(format!("{file}:{line}: {s:?}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} strings in src/app/ are not translated: put them in assets/i18n/*/ and use tr!, or mark a \
         string that is not text with `// i18n: not text (why)`:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_lint_sees_strings_in_calls_macros_and_format_strings() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("probe.rs");
    std::fs::write(
        &path,
        r#"
fn f(ui: &mut Ui) {
    ui.label("Hello there");
    ui.label(format!("{} highlights", 3));
    ui.label(tr!("greeting", name = "Ana"));
    ui.push_id("row-key", |ui| {});
    let x = "loaded-word";
    ui.label("●");
    // i18n: not text (a sample)
    ui.label("Sample Name");
    debug_assert!(true, "Never shown");
}
#[cfg(test)]
mod tests { fn g() { let _ = "Test text"; } }
"#,
    )
    .expect("write");
    let text = std::fs::read_to_string(&path).expect("read");
    let parsed = syn::parse_file(&text).expect("parse");
    let mut v = Visitor {
        file: "probe.rs".into(),
        lines: text.lines().collect(),
        lint: true,
        found: Found::default(),
    };
    v.visit_file(&parsed);
    let bare: Vec<&str> = v.found.bare.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(bare, ["Hello there", "{} highlights", "Ana"]);
    assert_eq!(v.found.calls.len(), 1);
    assert_eq!(v.found.calls[0].id, "greeting");
    assert_eq!(v.found.calls[0].args, BTreeSet::from(["name".to_string()]));
}

#[test]
fn built_in_labels_are_translated_and_their_english_matches_the_table() {
    for l in lateral::lesson::builtin_labels() {
        let name = lateral::i18n::lookup(Locale::En, &format!("label-{}", l.id), None);
        let description = lateral::i18n::lookup(Locale::En, &format!("label-{}.description", l.id), None);
        assert_eq!(
            name.as_deref(),
            Some(l.name.as_str()),
            "label-{} in assets/i18n/en/labels.ftl",
            l.id
        );
        assert_eq!(
            description.as_deref(),
            Some(l.description.as_str()),
            "label-{}.description",
            l.id
        );
        for locale in [Locale::Pl, Locale::Uk] {
            let shown = lateral::i18n::with_locale(locale, || l.shown_name());
            assert_ne!(shown, l.name, "label-{} is not translated in {}", l.id, locale.code());
        }
    }
}

#[test]
fn every_step_kind_has_a_shown_name_in_every_locale() {
    for kind in lateral::lesson::StepKind::ALL {
        for locale in Locale::ALL {
            let id = format!("step-kind-{}", kind.name());
            assert!(
                lateral::i18n::lookup(locale, &id, None).is_some(),
                "{id} in {}",
                locale.code()
            );
        }
    }
    assert_eq!(lateral::lesson::StepKind::shown_name_of("no-such-kind"), "no-such-kind");
}
