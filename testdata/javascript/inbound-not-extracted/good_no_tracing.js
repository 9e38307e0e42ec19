// No OpenTelemetry at all: one note for the run, no finding per route.
const express = require('express');

const app = express();
app.get('/cart', (req, res) => res.json([]));
app.listen(8080);
