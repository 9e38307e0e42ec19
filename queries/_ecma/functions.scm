; Decorators: Nest controllers (`@Controller`, `@Get('/x')`) register routes.
(decorator) @decorator
; Local declarations: a name declared in the file is not a global (`const fetch = ...`).
(variable_declarator) @local
(function_declaration) @local
(class_declaration) @local
