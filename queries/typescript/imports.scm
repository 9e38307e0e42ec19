; TypeScript's `import x = require('m')` (no JavaScript equivalent).
(import_require_clause (identifier) @import.require.name source: (string) @import.require.source)
