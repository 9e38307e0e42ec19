; Imports: `import a.b as c`, `from a.b import c as d`. The extractor binds each local name to
; its qualified name before any call is read. Written against tree-sitter-python 0.25.
(import_statement) @import
(import_from_statement) @import
