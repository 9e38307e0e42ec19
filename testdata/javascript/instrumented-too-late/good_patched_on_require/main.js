// `./tracing` is required before express and patches it as it loads; start() only registers
// the provider.
const { sdk } = require('./tracing');
const express = require('express');

sdk.start();
const app = express();
app.get('/health', (req, res) => res.send('ok'));
app.listen(8080);
