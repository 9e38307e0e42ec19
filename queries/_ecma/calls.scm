; Every call and construction: the extractor resolves the callee to a qualified name or a
; method name and looks it up in knowledge.toml. `require('m')` is a call too.
(call_expression function: (_) @call.function) @call
(new_expression constructor: (_) @new.constructor) @new
; Identifiers that may name a known value used without a call (`ROOT_CONTEXT`).
((identifier) @value (#eq? @value "ROOT_CONTEXT"))
(member_expression property: (property_identifier) @value (#eq? @value "ROOT_CONTEXT"))
