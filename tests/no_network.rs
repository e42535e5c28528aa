//! The app never touches the network: no networking code in the source, no HTTP or TLS crate
//! among the program's dependencies (dev-dependencies are the tests' own), and the CLI works in
//! a network namespace with no network at all (`.ci/run` runs `lateral check` under `unshare -n`).

use std::path::Path;

/// Crates that open network connections or exist to serve one.
const NETWORK_CRATES: &[&str] = &[
    "attohttpc",
    "curl",
    "h2",
    "h3",
    "hyper",
    "isahc",
    "minreq",
    "native-tls",
    "openssl",
    "quinn",
    "reqwest",
    "rustls",
    "socket2",
    "surf",
    "tokio",
    "tungstenite",
    "ureq",
    "websocket",
];

#[test]
fn the_source_has_no_networking_code() {
    let mut hits = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("src").filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).expect("source");
                for needle in ["std::net", "TcpStream", "UdpSocket", "TcpListener", "ToSocketAddrs"] {
                    if text.contains(needle) {
                        hits.push(format!("{}: {needle}", p.display()));
                    }
                }
            }
        }
    }
    assert!(hits.is_empty(), "networking code in the app: {hits:#?}");
}

#[test]
fn no_dependency_of_the_program_is_a_network_crate() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "-e",
            "normal,build",
            "--prefix",
            "none",
            "--all-features",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8_lossy(&out.stdout);
    let names: std::collections::BTreeSet<&str> = tree.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert!(
        names.contains("eframe") && names.contains("serde"),
        "cargo tree listed {names:?}"
    );
    let found: Vec<&&str> = NETWORK_CRATES.iter().filter(|c| names.contains(**c)).collect();
    assert!(
        found.is_empty(),
        "network crates among the program's dependencies: {found:?}"
    );
}
