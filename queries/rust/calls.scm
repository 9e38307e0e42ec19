; Every call: the extractor resolves the callee path (`SdkTracerProvider::builder`,
; `global::set_tracer_provider`) through the `use` declarations, or reads a method call
; (`client.get(url)`, `tracer.start("x")`) by its name and receiver.
(call_expression) @call
; Macros: `format!` URLs, `vec![...]` propagator lists, `tokio::select!` bodies are token trees.
(macro_invocation) @macro
