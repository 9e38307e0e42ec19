// NodeSDK installs the propagators of OTEL_PROPAGATORS, tracecontext+baggage by default.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');

const sdk = new NodeSDK({ instrumentations: [new HttpInstrumentation()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

const http = require('http');
http.createServer((req, res) => res.end('ok')).listen(8080);
