const express = require('express');

const app = express();

app.post('/orders', async (req, res) => {
  const items = await fetch('http://localhost:3000/items');
  const plain = await fetch('http://localhost:3001/items');
  res.json({ items: await items.json(), plain: await plain.json() });
});

app.listen(8080);
