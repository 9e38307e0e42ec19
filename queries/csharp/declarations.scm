; Fields and properties: `static readonly ActivitySource Source = new("x")` and string constants
; (`const string SourceName = "x"`) that source names refer to across files.
(field_declaration) @field
(property_declaration) @field
