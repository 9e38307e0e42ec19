//! `docs/rules/<id>.md` is generated from each rule's own docs and must stay current: run
//! `UPDATE_DOCS=1 cargo test --test docs` after changing a rule's documentation.

use std::fs;
use std::path::Path;
use tracewire::rules::{docs_page, RULES};

#[test]
fn rule_pages_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    if update {
        fs::create_dir_all(&dir).unwrap();
    }
    let mut stale = Vec::new();
    for rule in RULES {
        let path = dir.join(format!("{}.md", rule.meta.id));
        let page = docs_page(rule.meta);
        if update {
            fs::write(&path, &page).unwrap();
        } else if fs::read_to_string(&path).ok().as_deref() != Some(page.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    let pages = fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert!(
        stale.is_empty(),
        "stale rule pages (run UPDATE_DOCS=1 cargo test --test docs): {stale:?}"
    );
    assert_eq!(
        pages,
        RULES.len(),
        "docs/rules has pages for rules that no longer exist"
    );
}

#[test]
fn the_config_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tracewire.schema.json");
    let schema = format!("{}\n", tracewire::config::json_schema());
    if std::env::var_os("UPDATE_DOCS").is_some() {
        fs::write(&path, &schema).unwrap();
    }
    assert_eq!(
        fs::read_to_string(&path).unwrap_or_default(),
        schema,
        "tracewire.schema.json is stale: run UPDATE_DOCS=1 cargo test --test docs"
    );
}
