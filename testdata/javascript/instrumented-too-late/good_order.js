// The SDK starts before anything it patches is loaded; Node's http loaded first is harmless.
const http = require('http');
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

const express = require('express');

const app = express();
app.get('/', (req, res) => res.send('ok'));
http.createServer(app).listen(8080);
