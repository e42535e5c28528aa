//! The teacher PIN: chosen on first use, kept in the app's settings as a salted hash, never as
//! itself. No GUI in here.
//!
//! It keeps a student from opening the teacher's view (every key and explanation) by accident.
//! It is not a lock against a determined student: a PIN of 4 to 12 digits can be guessed from the
//! settings file by a program, and deleting that file resets it. Exams use exam packs, which hold
//! no keys at all.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Shortest and longest PIN, in digits.
pub const PIN_DIGITS: (usize, usize) = (4, 12);

/// Rounds of SHA-256 for a new PIN: slows guessing a little, and takes milliseconds.
const ROUNDS: u32 = 10_000;

/// The most rounds a settings file may ask for (a hand-edited file must not hang the app).
const MAX_ROUNDS: u32 = 1_000_000;

/// A teacher PIN as stored: a random salt and the hash of salt and PIN, both hex.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeacherPin {
    /// 16 random bytes, hex.
    pub salt: String,
    /// SHA-256 of the salt and the PIN, repeated `rounds` times, hex.
    pub hash: String,
    /// How many times the hash was repeated.
    pub rounds: u32,
}

/// The PIN typed, if it is one: 4 to 12 digits (spaces around it are dropped).
pub fn check_pin(pin: &str) -> Result<&str, String> {
    let pin = pin.trim();
    let (min, max) = PIN_DIGITS;
    if pin.is_empty() || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("A PIN is {min} to {max} digits (0–9), nothing else."));
    }
    if !(min..=max).contains(&pin.len()) {
        return Err(format!("A PIN is {min} to {max} digits; this one has {}.", pin.len()));
    }
    Ok(pin)
}

impl TeacherPin {
    /// Stores `pin` (checked with [`check_pin`]) under a new random salt.
    pub fn new(pin: &str) -> Result<Self, String> {
        let pin = check_pin(pin)?;
        let salt = hex(&random_salt()?);
        let hash = hash(&salt, pin, ROUNDS);
        Ok(Self {
            salt,
            hash,
            rounds: ROUNDS,
        })
    }

    /// Is `pin` the PIN that was stored?
    pub fn verify(&self, pin: &str) -> bool {
        let Ok(pin) = check_pin(pin) else { return false };
        if !self.is_well_formed() {
            return false;
        }
        let got = hash(&self.salt, pin, self.rounds);
        // Compare every byte, whatever the first difference.
        got.len() == self.hash.len()
            && got
                .bytes()
                .zip(self.hash.to_ascii_lowercase().bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }

    /// Could this have been written by [`TeacherPin::new`]? (A salt and hash of hex digits of the
    /// right lengths, and a number of rounds the app can afford.)
    pub(crate) fn is_well_formed(&self) -> bool {
        let is_hex = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_hexdigit());
        is_hex(&self.salt, 32) && is_hex(&self.hash, 64) && (1..=MAX_ROUNDS).contains(&self.rounds)
    }
}

/// SHA-256 of salt and PIN, then of each result with the salt, `rounds` times in all; hex.
fn hash(salt: &str, pin: &str, rounds: u32) -> String {
    let salt = salt.to_ascii_lowercase();
    let mut digest = Sha256::new()
        .chain_update(b"lateral-teacher-pin\0")
        .chain_update(salt.as_bytes())
        .chain_update(b"\0")
        .chain_update(pin.as_bytes())
        .finalize();
    for _ in 1..rounds {
        digest = Sha256::new()
            .chain_update(salt.as_bytes())
            .chain_update(digest)
            .finalize();
    }
    hex(&digest)
}

/// 16 bytes nobody can predict, from the system's random source (`getrandom`: the operating
/// system's on the desktop, `crypto.getRandomValues` in a browser).
fn random_salt() -> Result<[u8; 16], String> {
    let mut out = [0u8; 16];
    getrandom::fill(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_pin_is_stored_differently_on_two_setups() {
        let a = TeacherPin::new("73915284").expect("a PIN");
        let b = TeacherPin::new("73915284").expect("a PIN");
        assert_ne!(a.salt, b.salt);
        assert_ne!(a.hash, b.hash);
        assert!(a.is_well_formed() && b.is_well_formed());
        assert!(a.verify("73915284") && b.verify("73915284"));
        for p in [&a, &b] {
            let stored = serde_json::to_string(p).expect("json");
            assert!(!stored.contains("73915284"), "the PIN itself is never stored: {stored}");
        }
    }

    #[test]
    fn the_right_pin_opens_and_others_do_not() {
        let p = TeacherPin::new(" 73915284 ").expect("a PIN");
        assert!(p.verify("73915284"));
        assert!(p.verify(" 73915284\n"));
        for wrong in ["73915285", "7391528", "739152840", "", "abcd", "７３９１５２８４"] {
            assert!(!p.verify(wrong), "{wrong:?}");
        }
        // A file edited by hand: nothing opens, nothing hangs.
        let spoiled = TeacherPin {
            rounds: u32::MAX,
            ..p.clone()
        };
        assert!(!spoiled.is_well_formed() && !spoiled.verify("73915284"));
        let spoiled = TeacherPin {
            hash: "zz".into(),
            ..p.clone()
        };
        assert!(!spoiled.verify("73915284"));
        let upper = TeacherPin {
            salt: p.salt.to_uppercase(),
            hash: p.hash.to_uppercase(),
            ..p
        };
        assert!(upper.verify("73915284"), "hex is hex in either case");
    }

    #[test]
    fn a_pin_is_4_to_12_digits() {
        for ok in ["0000", "123456789012", " 1234 "] {
            assert!(check_pin(ok).is_ok(), "{ok:?}");
        }
        for bad in ["123", "1234567890123", "12a4", "12 34", "", "-1234", "١٢٣٤"] {
            assert!(check_pin(bad).is_err(), "{bad:?}");
            assert!(TeacherPin::new(bad).is_err(), "{bad:?}");
        }
    }
}
