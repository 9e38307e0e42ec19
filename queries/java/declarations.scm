; Methods, constructors and lambdas: the index that tells which function encloses a call, the
; entry point, and request handlers (by their annotations and parameters).
(method_declaration) @function
(constructor_declaration) @function
(lambda_expression) @function
; Classes: controllers, servlets and handlers are recognised by annotations and supertypes.
(class_declaration) @class
; Field and interface constants: span names read from `static final String NAME = "..."`.
(field_declaration) @constant
(constant_declaration) @constant
