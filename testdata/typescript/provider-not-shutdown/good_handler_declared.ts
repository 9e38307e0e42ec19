// A look-alike: the handler closes the server `app.listen()` returned, then shuts the SDK down.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
sdk.start();

import express from 'express';

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
