//! Span names, named so that the name heuristic would trip if they were not read as constants.

pub const LOAD_PATH: &str = "load";
pub static order_id: &str = "order";
pub const request_url: &str = "request";

/// An operation: a handful of values.
pub enum Op {
    Load,
    Save,
}

impl Op {
    pub fn as_str(&self) -> &'static str {
        match self {
            Op::Load => "load",
            Op::Save => "save",
        }
    }
}
