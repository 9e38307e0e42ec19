; Package clause and imports: the extractor reads their fields, resolving aliases to full module
; paths before any call is read.
(package_clause) @package
(import_spec) @import
