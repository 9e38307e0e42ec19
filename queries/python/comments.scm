; Comments: suppressions (`# tracewire: ignore[rule] reason`) and generated-code markers.
(comment) @comment
