// The signal handler closes a server nobody kept (`app.listen()`'s result was dropped): calling
// a method on the undeclared `server` throws, and the SDK is never shut down.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
sdk.start();

const express = require('express');

const app = express();
app.get('/', (req, res) => res.send('ok'));
app.listen(8080);

['SIGTERM', 'SIGINT'].forEach((signal) => {
  process.on(signal, () => {
    server.close(() => { // expect: provider-not-shutdown
      sdk.shutdown().finally(() => process.exit(0));
    });
  });
});
