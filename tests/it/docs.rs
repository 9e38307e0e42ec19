//! `docs/rules/<id>.md` is generated from each rule's own docs and must stay current: run
//! `UPDATE_DOCS=1 cargo test --test it docs::` after changing a rule's documentation.

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
        "stale rule pages (run UPDATE_DOCS=1 cargo test --test it docs::): {stale:?}"
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
        "tracewire.schema.json is stale: run UPDATE_DOCS=1 cargo test --test it docs::"
    );
}

/// A rule's link goes to its page under `docs/rules/` at the release's tag, and a build that
/// does not know its repository links nowhere (never to a guessed address).
#[test]
fn rule_links_point_at_the_pages_of_the_release_tag() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for rule in RULES {
        let id = rule.meta.id;
        assert_eq!(
            tracewire::rules::docs_url_in("https://example.org/owner/tracewire/", id),
            format!(
                "https://example.org/owner/tracewire/blob/v{}/docs/rules/{id}.md",
                env!("CARGO_PKG_VERSION")
            )
        );
        assert!(root.join(format!("docs/rules/{id}.md")).is_file(), "{id}");
    }
    match tracewire::rules::repository() {
        None => assert_eq!(tracewire::rules::docs_url("span-not-ended"), None),
        Some(repository) => assert!(tracewire::rules::docs_url("span-not-ended")
            .unwrap()
            .starts_with(repository)),
    }
}

/// The README's links stay inside the repository, and each one leads to a file that exists.
#[test]
fn readme_links_stay_inside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = fs::read_to_string(root.join("README.md")).unwrap();
    let mut links = Vec::new();
    let mut rest = readme.as_str();
    while let Some(at) = rest.find("](") {
        let tail = &rest[at + 2..];
        let end = tail.find(')').unwrap_or(tail.len());
        links.push(tail[..end].to_string());
        rest = &tail[end..];
    }
    assert!(!links.is_empty(), "the README links to ARCHITECTURE.md");
    for link in links {
        assert!(
            !link.contains("://"),
            "a link out of the repository: {link}"
        );
        let file = link.split('#').next().unwrap();
        assert!(root.join(file).exists(), "a link to nothing: {link}");
    }
}
