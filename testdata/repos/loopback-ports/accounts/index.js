const express = require('express');

const PORT = process.env.PORT || 4000;
const app = express();

app.get('/accounts/:id', (req, res) => res.json({ id: req.params.id }));

app.listen(PORT);
