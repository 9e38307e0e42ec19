//! The `tracewire` binary: parse arguments, run, exit with the outcome's code.

use clap::Parser;

/// mimalloc serves Rust's allocations and, installed first thing in `main`, tree-sitter's:
/// parsing allocates a node per token, and the system allocator's bookkeeping took about a
/// tenth of a run on real repositories.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // SAFETY: this runs before any tree-sitter call and never again; the four functions are one
    // allocator family (mimalloc), aligned like libc's malloc, null only when memory runs out.
    unsafe {
        tree_sitter::set_allocator(Some(tree_sitter::Allocator {
            malloc: libmimalloc_sys::mi_malloc,
            calloc: libmimalloc_sys::mi_calloc,
            realloc: libmimalloc_sys::mi_realloc,
            free: libmimalloc_sys::mi_free,
        }));
    }
    let cli = tracewire::cli::Cli::parse();
    std::process::exit(tracewire::cli::run(cli));
}
