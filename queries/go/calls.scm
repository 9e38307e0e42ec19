; Every call: the extractor resolves the callee to a qualified name or a method name and looks it
; up in knowledge.toml.
(call_expression function: (_) @call.function arguments: (argument_list) @call.args) @call
