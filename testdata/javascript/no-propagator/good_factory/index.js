// The SDK is built by a factory in tracing.js and started here.
const { OpenTelemetry } = require('./tracing');
const sdk = OpenTelemetry('orders');
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());
const express = require('express');
const app = express();
app.get('/orders', (req, res) => res.send('ok'));
app.listen(8080);
