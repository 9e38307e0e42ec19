// A thin client: it starts `tracewire lsp` and lets the language server do the work.
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

const LANGUAGES = [
  "go",
  "python",
  "javascript",
  "javascriptreact",
  "typescript",
  "typescriptreact",
  "java",
  "csharp",
  "rust",
];

let client: LanguageClient | undefined;

async function start(): Promise<void> {
  const command = vscode.workspace
    .getConfiguration("tracewire")
    .get<string>("path", "tracewire");
  const serverOptions: ServerOptions = { command, args: ["lsp"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ scheme: "file", language })),
    synchronize: {
      // The server reloads its configuration when tracewire.toml changes.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/tracewire.toml"),
    },
  };
  client = new LanguageClient("tracewire", "tracewire", serverOptions, clientOptions);
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await start();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("tracewire.path")) {
        await client?.stop();
        await start();
      }
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
