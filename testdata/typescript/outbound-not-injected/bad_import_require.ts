// TypeScript's `import x = require()` resolves like any import.
import sdkNode = require('@opentelemetry/sdk-node');
import http = require('@opentelemetry/instrumentation-http');

const sdk = new sdkNode.NodeSDK({ instrumentations: [new http.HttpInstrumentation()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

export async function rates(): Promise<Response> {
  return fetch('https://rates/usd'); // expect: outbound-not-injected
}
