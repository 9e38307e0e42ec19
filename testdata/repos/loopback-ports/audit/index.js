const express = require('express');
const config = require('./config');

const app = express();

app.get('/audit', (req, res) => res.json([]));

app.listen(config.port || 7000);
