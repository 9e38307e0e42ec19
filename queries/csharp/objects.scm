; Object creations: `new ActivitySource("name")`, target-typed `new("name")`, `new HttpClient(...)`,
; `new ProducerBuilder<K, V>(config)`, `new HttpListener()`.
(object_creation_expression) @new
(implicit_object_creation_expression) @new
