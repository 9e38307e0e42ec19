// Spans and instrumentation-free routes, but no SDK anywhere: every span is a no-op.
const http = require('http');
const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('quotes'); // expect: no-tracer-provider

const server = http.createServer((req, res) => { // expect: inbound-not-extracted
  tracer.startActiveSpan('quote', (span) => {
    res.end('42');
    span.end();
  });
});
server.listen(8080);
