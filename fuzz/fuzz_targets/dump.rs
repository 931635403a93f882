//! Any bytes read as a failure dump: see `dump_check.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod dump_check;

fuzz_target!(|data: &[u8]| dump_check::check(data));
