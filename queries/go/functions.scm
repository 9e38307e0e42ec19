; Function declarations: the entry point and the names handlers are registered by.
(function_declaration name: (identifier) @function.name) @function
(method_declaration name: (field_identifier) @function.name) @function
