//! A minimal language-server client over a child's stdio (JSON-RPC with `Content-Length`
//! framing), shared by the language-server tests and `benches/lsp.rs`.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A running `tracewire lsp` and the messages it has sent.
pub struct Client {
    /// The server process.
    pub child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    next_id: i64,
    timeout: Duration,
}

impl Client {
    /// Starts `command lsp` in `root`; `next` waits at most `timeout` for a message.
    pub fn spawn(mut command: Command, root: &std::path::Path, timeout: Duration) -> Client {
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
            timeout,
        }
    }

    /// Sends one message.
    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    /// Sends a request and returns its response, passing every other message to `other`.
    pub fn request_seeing(
        &mut self,
        method: &str,
        params: Value,
        mut other: impl FnMut(&Value),
    ) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.next();
            if m.get("id") == Some(&json!(id)) && m.get("method").is_none() {
                return m;
            }
            other(&m);
        }
    }

    /// Sends a request and returns its response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.request_seeing(method, params, |_| {})
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message from the server.
    pub fn next(&mut self) -> Value {
        self.messages
            .recv_timeout(self.timeout)
            .expect("the server answers in time")
    }

    /// Returns once the server has handled everything sent so far (it answers requests in
    /// order), passing each message on the way to `other`.
    pub fn settle(&mut self, other: impl FnMut(&Value)) {
        self.request_seeing(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": "file:///nowhere.go"},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                "context": {"diagnostics": []}}),
            other,
        );
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
