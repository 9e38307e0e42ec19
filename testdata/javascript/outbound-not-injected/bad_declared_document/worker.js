// Server code with a local named `document`: not a browser page, and fetch is not patched.
const express = require('express');

const app = express();
app.post('/index', async (req, res) => {
  const document = { body: req.body };
  await fetch('http://search:9200/docs', { method: 'POST', body: JSON.stringify(document.body) }); // expect: outbound-not-injected
  res.sendStatus(204);
});
app.listen(8080);
