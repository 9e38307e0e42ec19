; Imports: `import x from 'm'`, `import {a as b} from 'm'`, `import * as ns from 'm'` (the
; extractor reads the `source` string). Requires are calls (calls.scm); the extractor reads
; bindings from the declarations around them.
; Written against tree-sitter-javascript 0.25 and tree-sitter-typescript 0.23 (same shape).
(import_statement) @import
