// A look-alike: the handler closes the server `app.listen()` returned, then shuts the SDK down.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
sdk.start();

const express = require('express');

const app = express();
app.get('/', (req, res) => res.send('ok'));
const server = app.listen(8080);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => {
      console.log('closed');
      sdk.shutdown().finally(() => process.exit(0));
    });
  });
}
