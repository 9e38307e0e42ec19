; Every call and construction: the extractor resolves the callee to a qualified name or a
; method name and looks it up in knowledge.toml. `require('m')` is a call too.
(call_expression) @call
(new_expression) @new
; Identifiers that may name a known value used without a call (`ROOT_CONTEXT`, bare or as a
; member's property): the extractor keeps those with that text.
(identifier) @value
(member_expression) @member
