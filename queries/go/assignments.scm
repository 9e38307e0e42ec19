; Assignments to package-level values such as `http.DefaultTransport = otelhttp.NewTransport(...)`.
(assignment_statement left: (expression_list) @assign.left right: (expression_list) @assign.right) @assign
