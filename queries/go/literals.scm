; Composite literals: `&http.Client{Transport: ...}`, `http.Server{Handler: ...}`.
(composite_literal type: (_) @literal.type body: (literal_value) @literal.body) @literal
