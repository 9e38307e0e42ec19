// A server built and started in one chain has no name to show: the message says "HTTP server".
const { NodeSDK } = require('@opentelemetry/sdk-node');
const sdk = new NodeSDK({});
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());
const http = require('http');
http.createServer((req, res) => res.end('ok')).listen(8080); // expect: inbound-not-extracted
