; Every invocation: the extractor reads the callee (`Type.Member`, `receiver.Method`,
; `receiver?.Method`) and looks it up in knowledge.toml. Node-type patterns keep the pass cheap.
(invocation_expression) @call
