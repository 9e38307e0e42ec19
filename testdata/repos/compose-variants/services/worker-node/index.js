// The Python worker's Dockerfile (which .env's IMPL picks) runs opentelemetry-instrument; this
// variant builds its SDK and never starts it, and that Dockerfile does not configure it.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { trace } = require('@opentelemetry/api');
const http = require('http');

const sdk = new NodeSDK({}); // expect: no-propagator, provider-not-registered, provider-not-shutdown
http.createServer((req, res) => { // expect: inbound-not-extracted
  trace.getTracer('worker').startSpan('tick').end();
  res.end('ok');
}).listen(9000);
