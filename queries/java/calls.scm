; Every method call and every `new`: the extractor resolves static calls and constructors to
; qualified names and looks them up in knowledge.toml; method calls on values are read by name.
; Node-type patterns without child captures keep the pass cheap.
(method_invocation) @call
(object_creation_expression) @new
