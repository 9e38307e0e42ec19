; Functions and impl blocks: entry points (`fn main`), request handlers, span-carrying
; functions (`#[instrument]`), tonic service implementations (`impl Greeter for MyGreeter`) and
; `impl Drop` blocks that shut a provider down.
(function_item) @function
(impl_item) @impl
(closure_expression) @closure
; Bindings: `let provider = ...;`, `let _guard = cx.attach();`.
(let_declaration) @let
; Modules: `#[cfg(test)] mod tests { ... }` is test code.
(mod_item) @mod
; Module-level string constants and statics: span names read from `const NAME: &str = "..."`.
(const_item) @const
(static_item) @const
