; Every call: the extractor resolves the callee to a qualified name or a method name and looks it
; up in knowledge.toml. Node-type patterns without child captures keep the pass cheap.
(call_expression) @call
