; Package clause and imports: aliases are resolved to full module paths before any call is read.
; Written against tree-sitter-go 0.25.
(package_clause (package_identifier) @package.name)

(import_spec name: (_)? @import.alias path: (_) @import.path) @import
