; Package and imports: simple class names are resolved to fully qualified names before any call
; is read. Written against tree-sitter-java 0.23.
(package_declaration) @package
(import_declaration) @import
