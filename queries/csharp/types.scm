; Type declarations: controllers (`[ApiController]`, `: ControllerBase`) make their public
; methods request handlers.
(class_declaration) @class
