//! `examples/downstream.rs`, the public API as a dependent crate uses it,
//! run here so that it cannot rot.

#[path = "../../examples/downstream.rs"]
mod example;

#[test]
fn downstream_example_runs() {
    let mut out = Vec::new();
    example::run(&mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    insta::assert_snapshot!(out);
}
