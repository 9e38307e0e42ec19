// The SDK starts after express was loaded: express is never patched.
const express = require('express');
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
sdk.start(); // expect: instrumented-too-late
process.on('SIGTERM', () => sdk.shutdown());

const app = express();
app.get('/', (req, res) => res.send('ok'));
app.listen(8080);
