; Functions, classes and decorators: route decorators (`@app.get("/x")`), span decorators
; (`@tracer.start_as_current_span("x")`), request handler classes (`BaseHTTPRequestHandler`).
(function_definition) @function
; Lambdas: scopes of their own, like functions.
(lambda) @lambda
; Decorated definitions: a function's decorators are found through them.
(decorated_definition) @decorated
(class_definition) @class
(decorator) @decorator
