#!/usr/bin/env python3
"""Writes THIRD-PARTY-LICENSES.txt: every crate built into one Lateral program, from Cargo.lock.

    cargo metadata --format-version 1 --locked --filter-platform TARGET [--no-default-features] \
        | scripts/third-party-licenses.py --target TARGET --version X > THIRD-PARTY-LICENSES.txt

The crates are those the program links: the normal (not build-only, not dev) dependencies
reachable from `lateral` in cargo's resolve for TARGET, with the features the build uses. For
each: name, version, licence (SPDX, as the crate declares it) and repository; then the licence
texts the crates ship (LICENSE*, LICENCE*, COPYING*, NOTICE*, UNLICENSE, or the manifest's
`license-file`), each identical text once with the crates that ship it. A crate that ships no
text is listed under its SPDX licence, whose standard text is in LICENSE-MIT or LICENSE-APACHE
(Lateral's own) for the common cases, or, for others (MPL-2.0), at the end. The list errs on the
side of more: cargo's resolve unifies features with the dev-dependencies, so a crate only a test
uses may be listed. Uses nothing but Python's standard library.
"""

import argparse
import hashlib
import json
import os
import re
import sys

TEXT_NAMES = re.compile(r"^(licen[cs]e|copying|notice|unlicense|copyright)([-._].*)?$", re.I)
# Where a crate without a top-level text keeps its bundled files' licences (epaint_default_fonts).
SUBFOLDERS = ("fonts", "licenses", "LICENSES")
# Standard texts for a crate that ships none (Debian's base-files has these).
COMMON_LICENSES = "/usr/share/common-licenses"
SPDX = re.compile(r"[A-Za-z0-9.+-]+")
# Licence texts above this size are cut (none of the common ones comes near it).
MAX_TEXT = 200_000


def shipped(meta, root_id):
    """The packages linked into the program: normal dependencies reachable from the root."""
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    seen, todo = set(), [root_id]
    while todo:
        pid = todo.pop()
        for dep in nodes[pid]["deps"]:
            normal = any(k.get("kind") is None for k in dep["dep_kinds"])
            if normal and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                todo.append(dep["pkg"])
    return seen


def licence_files(pkg):
    """(file name, text) of each licence text the crate ships."""
    folder = os.path.dirname(pkg["manifest_path"])
    names = set()
    try:
        names.update(n for n in os.listdir(folder) if TEXT_NAMES.match(n))
    except OSError:
        return []
    if pkg.get("license_file"):
        names.add(pkg["license_file"])
    for sub in SUBFOLDERS if not names else ():
        try:
            found = os.listdir(os.path.join(folder, sub))
        except OSError:
            continue
        names.update(f"{sub}/{n}" for n in found if n.lower().endswith((".txt", ".md")))
    out = []
    for name in sorted(names):
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            raw = f.read(MAX_TEXT)
        out.append((name, raw.decode("utf-8", "replace").replace("\r\n", "\n").strip("\n")))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", required=True)
    ap.add_argument("--version", required=True)
    args = ap.parse_args()
    meta = json.load(sys.stdin)
    pkgs = {p["id"]: p for p in meta["packages"]}
    root = meta["resolve"]["root"] or next(i for i in pkgs if pkgs[i]["name"] == "lateral")
    crates = sorted((pkgs[i] for i in shipped(meta, root)), key=lambda p: (p["name"], p["version"]))

    texts = {}  # normalised text hash -> [text, [crate versions]]
    bare = []
    for p in crates:
        files = licence_files(p)
        if not files:
            bare.append(p)
        for name, text in files:
            key = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
            entry = texts.setdefault(key, [text, []])
            entry[1].append(f"{p['name']} {p['version']} ({name})")

    w = sys.stdout.write
    w(f"Third-party software in Lateral {args.version} ({args.target})\n")
    w("=" * 72 + "\n\n")
    w("Lateral itself is free software under the MIT or Apache-2.0 licence, at your choice\n")
    w("(LICENSE-MIT, LICENSE-APACHE). It is built from the Rust crates below, each under its own\n")
    w("licence, and from the Rust standard library (MIT OR Apache-2.0). Its fonts, Noto Serif,\n")
    w("Noto Sans and Noto Sans Symbols, are under the SIL Open Font License 1.1 (LICENSE-Noto.txt).\n")
    w("This list is generated from Cargo.lock by scripts/third-party-licenses.py.\n\n")
    w(f"{len(crates)} crates\n\n")
    width = max(len(f"{p['name']} {p['version']}") for p in crates)
    for p in crates:
        nv = f"{p['name']} {p['version']}"
        lic = p.get("license") or "see its licence file"
        repo = p.get("repository") or ""
        w(f"{nv:<{width}}  {lic}  {repo}\n")
    if bare:
        w("\nThese crates ship no licence text; their licence is the standard text of the SPDX\n")
        w("licence they declare (MIT: LICENSE-MIT, Apache-2.0: LICENSE-APACHE):\n")
        for p in bare:
            w(f"  {p['name']} {p['version']}: {p.get('license') or 'unknown'}\n")
    standard = sorted({i for p in bare for i in SPDX.findall(p.get("license") or "")
                       if os.path.isfile(os.path.join(COMMON_LICENSES, i))})
    if standard:
        w("Their standard texts not in Lateral's own files are at the end: " + ", ".join(standard) + ".\n")
    w("\n\nLicence texts\n" + "=" * 72 + "\n")
    for text, users in sorted(texts.values(), key=lambda e: e[1][0]):
        w("\n" + "-" * 72 + "\n")
        w("Shipped by: " + ", ".join(users) + "\n")
        w("-" * 72 + "\n\n")
        w(text + "\n")
    for spdx in standard:
        with open(os.path.join(COMMON_LICENSES, spdx), encoding="utf-8", errors="replace") as f:
            w("\n" + "-" * 72 + f"\nThe standard text of {spdx}\n" + "-" * 72 + "\n\n" + f.read().strip("\n") + "\n")


if __name__ == "__main__":
    main()
