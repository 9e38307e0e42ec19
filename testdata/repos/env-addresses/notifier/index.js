const http = require('http');

const { PRICING_URL: pricing = '' } = process.env;

const server = http.createServer(async (req, res) => {
  const price = await fetch(`${process.env.PRICING_URL}/price`);
  const again = await fetch(pricing + '/price');
  res.end(await price.text() + await again.text());
});

server.listen(8090);
