const { sdk, instrument } = require('./tracing');
const express = require('express');

sdk.start(); // expect: instrumented-too-late
instrument();
const app = express();
app.get('/health', (req, res) => res.send('ok'));
app.listen(8080);
