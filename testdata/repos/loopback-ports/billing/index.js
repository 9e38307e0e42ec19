const express = require('express');

const app = express();

app.get('/invoices', (req, res) => res.json([]));

app.listen({ port: 5000 });
