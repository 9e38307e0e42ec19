// The server serves public/ to browsers; its own code makes no outbound calls.
const express = require('express');

const app = express();
app.use(express.public('public'));
app.get('/api/cart', (req, res) => res.json({ items: [] }));
app.listen(8080);
