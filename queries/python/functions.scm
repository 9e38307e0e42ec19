; Functions, classes and decorators: route decorators (`@app.get("/x")`), span decorators
; (`@tracer.start_as_current_span("x")`), request handler classes (`BaseHTTPRequestHandler`).
(function_definition) @function
(class_definition) @class
(decorator) @decorator
