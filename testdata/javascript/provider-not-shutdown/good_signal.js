// Shut down on SIGTERM.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
sdk.start();
process.on('SIGTERM', async () => {
  await sdk.shutdown();
  process.exit(0);
});

const http = require('http');
http.createServer((req, res) => res.end('ok')).listen(8080);
