; `use` declarations: the extractor binds each local name to its path before any call is read
; (`use opentelemetry_sdk::trace::SdkTracerProvider;`, groups, aliases and globs).
; Written against tree-sitter-rust 0.24.
(use_declaration) @use
