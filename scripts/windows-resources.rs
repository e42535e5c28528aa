//! Windows builds only: the program's icon (and version) as Explorer shows `lateral.exe`, from the
//! ICO that `scripts/release.sh` renders from `assets/icon/lateral.svg` and names in
//! `LATERAL_WINDOWS_ICON`. Every other build, and a Windows build without it, skips this: the
//! window sets its own icon at run time (`app::launch`).

fn main() {
    println!("cargo::rerun-if-env-changed=LATERAL_WINDOWS_ICON");
    let windows = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "windows");
    let Some(ico) = std::env::var("LATERAL_WINDOWS_ICON").ok().filter(|_| windows) else {
        return;
    };
    println!("cargo::rerun-if-changed={ico}");
    let mut res = winresource::WindowsResource::new();
    res.set_icon(&ico);
    if let Err(e) = res.compile() {
        // A release without its icon is a broken release: stop.
        eprintln!("error: the Windows icon {ico} could not be compiled into the program: {e}");
        std::process::exit(1);
    }
}
