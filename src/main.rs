//! The `tracewire` binary: parse arguments, run, exit with the outcome's code.

use clap::Parser;

fn main() {
    let cli = tracewire::cli::Cli::parse();
    std::process::exit(tracewire::cli::run(cli));
}
