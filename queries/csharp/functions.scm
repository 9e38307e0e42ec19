; Functions: methods, constructors, local functions, lambdas and anonymous methods. The index
; built from them tells which function encloses a call; attributes and parameters tell request
; handlers apart.
(method_declaration) @function
(constructor_declaration) @function
(local_function_statement) @function
(lambda_expression) @function
(anonymous_method_expression) @function
(accessor_declaration) @function
