; Every call: the extractor resolves the callee to a qualified name (through imports and the
; variables that hold constructed values) or a method name, and looks it up in knowledge.toml.
(call) @call
