; Assignments to package-level values such as `http.DefaultTransport = otelhttp.NewTransport(...)`.
(assignment_statement) @assign
