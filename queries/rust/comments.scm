; Comments: suppressions (`// tracewire: ignore[rule] reason`) and generated-code markers
; (`@generated`).
(line_comment) @comment
(block_comment) @comment
