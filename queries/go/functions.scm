; Functions: the entry point, the names handlers are registered by, and the index that tells
; which function encloses a call.
(function_declaration) @function
(method_declaration) @function
(func_literal) @function
