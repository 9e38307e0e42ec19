; Using directives: the namespaces a file imports decide which method names mean something
; (`Consume` is a Kafka consumer only where `Confluent.Kafka` is imported). Written against
; tree-sitter-c-sharp 0.23.
(using_directive) @using
