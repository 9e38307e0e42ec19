// The server serves static/ to browsers; its own code makes no outbound calls.
const express = require('express');

const app = express();
app.use(express.static('static'));
app.get('/api/cart', (req, res) => res.json({ items: [] }));
app.listen(8080);
