//! `tracewire lsp`: a synchronous language server over stdio (`lsp-server` + `lsp-types`).
//!
//! On start it loads the workspace like `check` does. Each open, change or save of a document
//! re-extracts that document from the editor's text and re-runs the rules, then publishes
//! diagnostics for every file whose diagnostics changed — a fix in one file can clear a
//! finding in another. A code action adds a `tracewire: ignore[...]` comment above a finding.
//! Saving or changing `tracewire.toml` reloads the configuration. Files changed outside the
//! editor arrive through `workspace/didChangeWatchedFiles` (the server registers a watcher when
//! the client allows it): a changed source file is re-read, anything that reshapes the project
//! reloads the workspace. The workspace loads through
//! the facts cache of `check` (`TRACEWIRE_CACHE_DIR`, else the user's cache directory).

pub mod convert;

use crate::analysis::Workspace;
use crate::config::{self, Settings};
use crate::diagnostic::Diagnostic;
use crate::discover::FileRole;
use crate::lang::Lang;
use convert::Encoding;
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, FileChangeType, InitializeParams, PositionEncodingKind,
    PublishDiagnosticsParams, SaveOptions, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Runs the server on stdio until the client asks it to exit.
pub fn run_stdio() -> Result<(), String> {
    let (connection, io_threads) = Connection::stdio();
    serve(connection)?;
    io_threads.join().map_err(|e| e.to_string())
}

/// Runs the server on an established connection (stdio, or in memory for tests).
pub fn serve(connection: Connection) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let encoding = negotiate_encoding(&params);
    let capabilities = ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(SaveOptions::default().into()),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": { "name": "tracewire", "version": env!("CARGO_PKG_VERSION") },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    register_file_watcher(&connection, &params);
    let root = workspace_root(&params).unwrap_or_else(|| PathBuf::from("."));
    let mut server = Server::new(connection, root, encoding);
    server.publish_all();
    server.main_loop()
}

/// Asks the client to report files changed on disk (a branch switch, a formatter, generated
/// code), when it can register watchers; the server filters what the walk would not read.
fn register_file_watcher(connection: &Connection, params: &InitializeParams) {
    let can_register = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|c| c.dynamic_registration)
        .unwrap_or(false);
    if !can_register {
        return;
    }
    let options = lsp_types::DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![lsp_types::FileSystemWatcher {
            glob_pattern: lsp_types::GlobPattern::String("**/*".into()),
            kind: None,
        }],
    };
    let registration = lsp_types::Registration {
        id: "tracewire/watch-files".into(),
        method: DidChangeWatchedFiles::METHOD.into(),
        register_options: serde_json::to_value(options).ok(),
    };
    let request = Request::new(
        lsp_server::RequestId::from("tracewire/register-watcher".to_string()),
        lsp_types::request::RegisterCapability::METHOD.into(),
        lsp_types::RegistrationParams {
            registrations: vec![registration],
        },
    );
    let _ = connection.sender.send(Message::Request(request));
}

/// UTF-8 when the client offers it, UTF-16 otherwise.
fn negotiate_encoding(params: &InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

/// The workspace folder (first one), or the legacy root URI.
#[allow(deprecated)]
fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| convert::uri_to_path(&f.uri))
        .or_else(|| params.root_uri.as_ref().and_then(convert::uri_to_path))
        .or_else(|| params.root_path.as_ref().map(PathBuf::from))
}

/// The server's state: the workspace, open documents, and what was last published.
struct Server {
    connection: Connection,
    root: PathBuf,
    encoding: Encoding,
    workspace: Option<Workspace>,
    /// Open documents by path relative to the root: their editor text.
    open: HashMap<String, String>,
    /// Diagnostics last published, by relative path.
    published: BTreeMap<String, Vec<lsp_types::Diagnostic>>,
    /// Source files changed on disk that the last walk left out (ignored, tests, too large).
    unread: HashSet<String>,
}

impl Server {
    fn new(connection: Connection, root: PathBuf, encoding: Encoding) -> Server {
        let root = root.canonicalize().unwrap_or(root);
        let mut server = Server {
            connection,
            root,
            encoding,
            workspace: None,
            open: HashMap::new(),
            published: BTreeMap::new(),
            unread: HashSet::new(),
        };
        server.reload();
        server
    }

    /// (Re)loads configuration and the whole workspace, then re-applies open documents.
    fn reload(&mut self) {
        let settings = match config::find(&self.root) {
            Some(path) => config::load(&path).and_then(|(options, source)| {
                let mut s = Settings::default();
                s.apply_file(options, &source, &path)?;
                Ok(s)
            }),
            None => Ok(Settings::default()),
        };
        let mut settings = match settings {
            Ok(s) => s,
            Err(message) => {
                self.show_error(&message);
                Settings::default()
            }
        };
        // The facts cache `check` uses: a large repository loads from it in a fraction of the
        // time. Edits in the editor are not written to it.
        let given = std::env::var_os(crate::cache::ENV_VAR).map(PathBuf::from);
        settings.cache = crate::cache::choose_dir(given.as_deref());
        let mut loaded = Workspace::load(&self.root, &settings, true);
        if let (Err(message), Some(_)) = (&loaded, &settings.cache) {
            // The cache only saves work: without it the server still starts.
            let message = message.clone();
            settings.cache = None;
            loaded = Workspace::load(&self.root, &settings, true);
            if loaded.is_ok() {
                self.show_error(&message);
            }
        }
        match loaded {
            Ok(mut ws) => {
                for (rel, text) in &self.open {
                    ws.update_source(rel, text.as_bytes());
                }
                self.workspace = Some(ws);
            }
            Err(message) => self.show_error(&message),
        }
    }

    fn main_loop(&mut self) -> Result<(), String> {
        while let Ok(message) = self.connection.receiver.recv() {
            match message {
                Message::Request(request) => {
                    if self
                        .connection
                        .handle_shutdown(&request)
                        .map_err(|e| e.to_string())?
                    {
                        return Ok(());
                    }
                    self.on_request(request);
                }
                Message::Notification(notification) => self.on_notification(notification),
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn on_request(&mut self, request: Request) {
        let response = if request.method == CodeActionRequest::METHOD {
            match serde_json::from_value::<CodeActionParams>(request.params) {
                Ok(params) => Response::new_ok(request.id, self.code_actions(&params)),
                Err(e) => Response::new_err(request.id, -32602, e.to_string()),
            }
        } else {
            Response::new_err(
                request.id,
                -32601,
                format!("unsupported request {}", request.method),
            )
        };
        let _ = self.connection.sender.send(Message::Response(response));
    }

    fn on_notification(&mut self, notification: Notification) {
        let params = notification.params;
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(params)
                {
                    self.document_changed(&p.text_document.uri, Some(p.text_document.text));
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(params)
                {
                    // Full sync: the last change holds the whole text.
                    let text = p.content_changes.into_iter().last().map(|c| c.text);
                    self.document_changed(&p.text_document.uri, text);
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(params)
                {
                    if is_config(&p.text_document.uri) {
                        self.reload();
                        self.publish_all();
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(params)
                {
                    if let Some(rel) = self.relative(&p.text_document.uri) {
                        self.open.remove(&rel);
                        // Back to the file on disk.
                        if let Ok(text) = std::fs::read(self.root.join(&rel)) {
                            if let Some(ws) = self.workspace.as_mut() {
                                ws.update_source(&rel, &text);
                            }
                        }
                        self.publish_all();
                    }
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeWatchedFilesParams>(params)
                {
                    self.files_changed_on_disk(&p.changes);
                }
            }
            _ => {}
        }
    }

    /// Takes files changed outside the editor. A source file the editor does not hold is
    /// re-read (or dropped when deleted); a new source file, or any change to a file that
    /// shapes the project (configuration, manifest, deployment, contract, ignore file), reloads
    /// the workspace, which walks the tree again through the facts cache. Files the walk never
    /// reads (build output, dependencies, hidden folders) are ignored.
    fn files_changed_on_disk(&mut self, changes: &[lsp_types::FileEvent]) {
        let mut project_changed = false;
        let mut touched = false;
        let mut new_sources = Vec::new();
        for change in changes {
            if is_config(&change.uri) {
                project_changed = true;
                continue;
            }
            let Some(rel) = self.relative(&change.uri) else {
                continue;
            };
            match crate::discover::file_role(&rel) {
                FileRole::Unread => {}
                FileRole::Project => project_changed = true,
                FileRole::Source(_) if self.open.contains_key(&rel) => {}
                FileRole::Source(_) if self.unread.contains(&rel) => {}
                FileRole::Source(_) => {
                    let Some(ws) = self.workspace.as_mut() else {
                        continue;
                    };
                    if change.typ == FileChangeType::DELETED {
                        touched |= ws.has_source(&rel);
                        ws.remove_source(&rel);
                    } else if !ws.has_source(&rel) {
                        // New to the workspace: only a walk knows whether it is ignored.
                        new_sources.push(rel);
                    } else if let Ok(text) = std::fs::read(self.root.join(&rel)) {
                        ws.update_source(&rel, &text);
                        touched = true;
                    }
                }
            }
        }
        if project_changed {
            // Ignore rules, manifests or the configuration may have changed.
            self.unread.clear();
        }
        let reload = project_changed || !new_sources.is_empty();
        if reload {
            self.reload();
            // A new file the walk left out (ignored, a test, too large) is not worth another
            // reload each time it changes.
            if let Some(ws) = &self.workspace {
                for rel in new_sources {
                    if !ws.has_source(&rel) {
                        self.unread.insert(rel);
                    }
                }
            }
        }
        if reload || touched {
            self.publish_all();
        }
    }

    /// Takes a document's new text (or none), re-analyses, publishes what changed.
    fn document_changed(&mut self, uri: &Uri, text: Option<String>) {
        if is_config(uri) {
            self.reload();
            self.publish_all();
            return;
        }
        let Some(rel) = self.relative(uri) else {
            return;
        };
        let Some(text) = text else {
            return;
        };
        if Lang::from_path(Path::new(&rel)).is_none() {
            return;
        }
        if let Some(ws) = self.workspace.as_mut() {
            ws.update_source(&rel, text.as_bytes());
        }
        self.open.insert(rel, text);
        self.publish_all();
    }

    /// Publishes diagnostics for every file whose diagnostics changed since last time.
    fn publish_all(&mut self) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let mut by_file: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
        for d in ws.diagnostics() {
            by_file.entry(d.path.clone()).or_default().push(d);
        }
        let mut next: BTreeMap<String, Vec<lsp_types::Diagnostic>> = BTreeMap::new();
        for (path, diagnostics) in &by_file {
            let text = self.text_of(path).unwrap_or_default();
            let mut text_of = |p: &str| self.text_of(p);
            let converted = diagnostics
                .iter()
                .map(|d| convert::diagnostic(d, &text, &self.root, self.encoding, &mut text_of))
                .collect();
            next.insert(path.clone(), converted);
        }
        let cleared: Vec<String> = self
            .published
            .keys()
            .filter(|p| !next.contains_key(*p))
            .cloned()
            .collect();
        for path in cleared {
            self.send_diagnostics(&path, Vec::new());
        }
        for (path, diagnostics) in &next {
            if self.published.get(path) != Some(diagnostics) {
                self.send_diagnostics(path, diagnostics.clone());
            }
        }
        self.published = next;
    }

    fn send_diagnostics(&self, rel: &str, diagnostics: Vec<lsp_types::Diagnostic>) {
        let Some(uri) = convert::path_to_uri(&self.root.join(rel)) else {
            return;
        };
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        };
        let notification = Notification::new(PublishDiagnostics::METHOD.to_string(), params);
        let _ = self
            .connection
            .sender
            .send(Message::Notification(notification));
    }

    /// "Ignore this finding" actions: a suppression comment above the reported line.
    // lsp-types keys `WorkspaceEdit::changes` by `Uri`, which clippy flags as a mutable key.
    #[allow(clippy::mutable_key_type)]
    fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(rel) = self.relative(&params.text_document.uri) else {
            return Vec::new();
        };
        let text = self.text_of(&rel).unwrap_or_default();
        let comment = match Lang::from_path(Path::new(&rel)) {
            Some(Lang::Python) => "#",
            Some(_) => "//",
            None => return Vec::new(),
        };
        let mut actions = Vec::new();
        for d in &params.context.diagnostics {
            let Some(lsp_types::NumberOrString::String(rule)) = &d.code else {
                continue;
            };
            if d.source.as_deref() != Some("tracewire") {
                continue;
            }
            let line = d.range.start.line;
            let start = convert::line_start(&text, line);
            let line_text = text[start..].lines().next().unwrap_or("");
            let indent: String = line_text
                .chars()
                .take_while(|c| c.is_whitespace())
                .collect();
            let insert_at = lsp_types::Position::new(line, 0);
            let edit = TextEdit {
                range: lsp_types::Range::new(insert_at, insert_at),
                new_text: format!("{indent}{comment} tracewire: ignore[{rule}] reason\n"),
            };
            let mut changes = HashMap::new();
            changes.insert(params.text_document.uri.clone(), vec![edit]);
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Ignore {rule} on this line"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(changes),
                    ..WorkspaceEdit::default()
                }),
                ..CodeAction::default()
            }));
        }
        actions
    }

    /// A file's current text: the editor's if open, else the disk's.
    fn text_of(&self, rel: &str) -> Option<String> {
        if let Some(text) = self.open.get(rel) {
            return Some(text.clone());
        }
        std::fs::read(self.root.join(rel))
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    }

    /// A URI's path relative to the root, with forward slashes.
    fn relative(&self, uri: &Uri) -> Option<String> {
        let path = convert::uri_to_path(uri)?;
        let path = path.canonicalize().unwrap_or(path);
        let rel = path.strip_prefix(&self.root).ok()?;
        crate::discover::relative(Path::new(""), rel)
    }

    fn show_error(&self, message: &str) {
        let params = lsp_types::ShowMessageParams {
            typ: lsp_types::MessageType::ERROR,
            message: format!("tracewire: {message}"),
        };
        let notification = Notification::new(
            lsp_types::notification::ShowMessage::METHOD.to_string(),
            params,
        );
        let _ = self
            .connection
            .sender
            .send(Message::Notification(notification));
    }
}

/// Whether a URI names the configuration file.
fn is_config(uri: &Uri) -> bool {
    uri.as_str().ends_with(&format!("/{}", config::FILE_NAME))
}
