//! End-to-end test of `tracewire lsp`: real JSON-RPC over the child's stdio.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const CLEAN: &str = "package svc\n\nimport (\n\t\"context\"\n\n\t\"go.opentelemetry.io/otel\"\n)\n\n// Work does the work.\nfunc Work(ctx context.Context) {\n\t_, span := otel.Tracer(\"x\").Start(ctx, \"work\")\n\tdefer span.End()\n}\n";
const BROKEN: &str = "package svc\n\nimport (\n\t\"context\"\n\n\t\"go.opentelemetry.io/otel\"\n)\n\n// Work does the work.\nfunc Work(ctx context.Context) {\n\totel.Tracer(\"x\").Start(ctx, \"work\")\n}\n";

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(root: &std::path::Path) -> Client {
        Client::start_with(root, crate::common::tracewire())
    }

    fn start_with(root: &std::path::Path, mut command: std::process::Command) -> Client {
        let mut child = command
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || read_messages(stdout, tx));
        Client {
            child,
            stdin,
            messages,
            next_id: 1,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.next();
            if m.get("id") == Some(&json!(id)) {
                return m;
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn next(&mut self) -> Value {
        self.messages
            .recv_timeout(Duration::from_secs(30))
            .expect("the server answers within 30 s")
    }

    /// The next diagnostics published for a URI ending in `file`.
    fn diagnostics_for(&mut self, file: &str) -> Vec<Value> {
        loop {
            let m = self.next();
            if m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"].as_str().unwrap().ends_with(file)
            {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

fn read_messages(stdout: ChildStdout, tx: mpsc::Sender<Value>) {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                length = v.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
            return;
        }
    }
}

#[test]
fn diagnostics_appear_on_edit_and_clear_on_fix() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir_all(root.join("svc")).unwrap();
    let file = root.join("svc/work.go");
    std::fs::write(&file, CLEAN).unwrap();
    let uri = format!("file://{}", file.display());
    let root_uri = format!("file://{}", root.display());

    let mut client = Client::start(&root);
    let init = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": root_uri,
            "capabilities": { "general": { "positionEncodings": ["utf-8", "utf-16"] } }
        }),
    );
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(init["result"]["serverInfo"]["name"], "tracewire");
    client.notify("initialized", json!({}));

    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "go", "version": 1, "text": BROKEN}}),
    );
    let diagnostics = client.diagnostics_for("svc/work.go");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "span-not-ended");
    assert_eq!(d["source"], "tracewire");
    assert_eq!(d["range"]["start"], json!({"line": 10, "character": 1}));
    // The rule's page, when the build knows where it is published; no guessed link otherwise.
    assert_eq!(
        d["codeDescription"]["href"].as_str().map(str::to_string),
        tracewire::rules::docs_url("span-not-ended")
    );

    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": d["range"],
            "context": {"diagnostics": [d]}
        }),
    );
    let edit = &actions["result"][0]["edit"]["changes"][&uri][0];
    assert_eq!(
        edit["newText"],
        "\t// tracewire: ignore[span-not-ended] reason\n"
    );
    assert_eq!(edit["range"]["start"], json!({"line": 10, "character": 0}));

    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": CLEAN}]}),
    );
    assert!(client.diagnostics_for("svc/work.go").is_empty());

    let shutdown = client.request("shutdown", Value::Null);
    assert!(shutdown.get("error").is_none());
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert!(status.success());
}

/// Starts the server on `root`, waits for the diagnostics of `file`, edits it, and stops.
fn session(root: &std::path::Path, cache: &std::path::Path, file: &str) -> Vec<Value> {
    let mut command = crate::common::tracewire();
    command.env(tracewire::cache::ENV_VAR, cache);
    let mut client = Client::start_with(root, command);
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": format!("file://{}", root.display()), "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    let diagnostics = client.diagnostics_for(file);
    let uri = format!("file://{}", root.join(file).display());
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "go", "version": 1, "text": CLEAN}}),
    );
    assert!(client.diagnostics_for(file).is_empty());
    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(client.child.wait().unwrap().success());
    diagnostics
}

/// Each cache entry's path and modification time.
fn entries(dir: &std::path::Path) -> Vec<(std::path::PathBuf, std::time::SystemTime)> {
    crate::common::files_below(dir)
        .into_iter()
        .map(|path| {
            let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
            (path, modified)
        })
        .collect()
}

#[test]
fn the_server_loads_through_the_facts_cache_and_keeps_edits_out_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap().join("repo");
    std::fs::create_dir_all(root.join("svc")).unwrap();
    std::fs::write(root.join("svc/work.go"), BROKEN).unwrap();
    let cache = dir.path().join("cache");

    let first = session(&root, &cache, "svc/work.go");
    assert_eq!(first.len(), 1, "{first:?}");
    // The file on disk was parsed and cached; the editor's version of it was not.
    let written = entries(&cache);
    assert_eq!(written.len(), 1, "{written:?}");

    let second = session(&root, &cache, "svc/work.go");
    assert_eq!(first, second);
    // The second start read the entry: nothing was written again.
    assert_eq!(entries(&cache), written);
}
