// Started and never shut down: whatever is still batched when the process stops is lost.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] }); // expect: provider-not-shutdown
sdk.start();

const http = require('http');
http.createServer((req, res) => res.end('ok')).listen(8080);
