; Composite literals: `&http.Client{Transport: ...}`, `http.Server{Handler: ...}`.
(composite_literal) @literal
