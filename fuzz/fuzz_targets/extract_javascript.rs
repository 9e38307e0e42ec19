//! Fuzzes extraction and the rules on one JavaScript file: see `common.rs` for the properties.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::check(tracewire::lang::Lang::JavaScript, data);
});
