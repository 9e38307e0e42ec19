//! Conversions between tracewire's locations and the protocol's: file URIs, positions in the
//! negotiated encoding (UTF-8 bytes or UTF-16 code units), and diagnostics.

use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::Loc;
use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, Uri,
};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// How positions count characters within a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 code units (bytes): tree-sitter's own unit.
    Utf8,
    /// UTF-16 code units: the protocol's default.
    Utf16,
}

/// A `file://` URI for a path.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    Uri::from_str(&crate::url::file_uri(path)).ok()
}

/// The path of a `file://` URI.
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(PathBuf::from(String::from_utf8(out).ok()?))
}

/// The protocol position of a byte offset in `text`.
pub fn position(text: &str, byte: usize, encoding: Encoding) -> Position {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    let line_start = text[..byte].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line = text[..line_start].matches('\n').count();
    let prefix = &text[line_start..byte];
    let character = match encoding {
        Encoding::Utf8 => prefix.len(),
        Encoding::Utf16 => prefix.encode_utf16().count(),
    };
    Position::new(line as u32, character as u32)
}

/// The protocol range of a location in `text`.
pub fn range(text: &str, loc: Loc, encoding: Encoding) -> Range {
    Range::new(
        position(text, loc.start_byte as usize, encoding),
        position(text, loc.end_byte as usize, encoding),
    )
}

/// The byte offset of the start of a 0-based line.
pub fn line_start(text: &str, line: u32) -> usize {
    if line == 0 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line as usize - 1)
        .map(|(i, _)| i + 1)
        .unwrap_or(text.len())
}

/// Where a rule's documentation lives.
pub fn docs_url(rule: &str) -> Option<Uri> {
    Uri::from_str(&crate::rules::docs_url(rule)?).ok()
}

/// A protocol diagnostic for a tracewire diagnostic; `text_of` gives the text of any file by
/// its path relative to the root (for labels in other files).
pub fn diagnostic(
    d: &Diagnostic,
    text: &str,
    root: &Path,
    encoding: Encoding,
    text_of: &mut dyn FnMut(&str) -> Option<String>,
) -> lsp_types::Diagnostic {
    let related = d
        .labels
        .iter()
        .filter_map(|l| {
            let label_text = if l.path == d.path {
                text.to_string()
            } else {
                text_of(&l.path)?
            };
            Some(DiagnosticRelatedInformation {
                location: Location {
                    uri: path_to_uri(&root.join(&l.path))?,
                    range: range(&label_text, l.loc, encoding),
                },
                message: l.message.clone(),
            })
        })
        .collect();
    lsp_types::Diagnostic {
        range: range(text, d.loc, encoding),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.to_string())),
        code_description: docs_url(d.rule).map(|href| CodeDescription { href }),
        source: Some("tracewire".into()),
        message: format!("{}\nhelp: {}", d.message, d.help),
        related_information: Some(related),
        tags: None,
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_in_both_encodings() {
        let text = "a\n😀x = é\n";
        let x = text.find('x').unwrap();
        assert_eq!(position(text, x, Encoding::Utf8), Position::new(1, 4));
        assert_eq!(position(text, x, Encoding::Utf16), Position::new(1, 2));
        assert_eq!(line_start(text, 1), 2);
    }

    #[test]
    fn uris_round_trip() {
        let uri = Uri::from_str("file:///tmp/a%20b/c.go").unwrap();
        assert_eq!(uri_to_path(&uri).unwrap(), PathBuf::from("/tmp/a b/c.go"));
    }
}
