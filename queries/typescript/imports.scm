; TypeScript's `import x = require('m')` (no JavaScript equivalent): the extractor reads the
; bound identifier and the `source` string.
(import_require_clause) @import.require
