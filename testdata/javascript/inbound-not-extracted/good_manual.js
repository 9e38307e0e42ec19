// The handler extracts the caller's context by hand; the SDK has no HTTP instrumentation.
const { NodeSDK } = require('@opentelemetry/sdk-node');

const sdk = new NodeSDK();
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

const http = require('http');
const { trace, context, propagation } = require('@opentelemetry/api');

const tracer = trace.getTracer('quotes');

function handle(req, res) {
  const parent = propagation.extract(context.active(), req.headers);
  context.with(parent, () => {
    tracer.startActiveSpan('GET /quote', (span) => {
      res.end('42');
      span.end();
    });
  });
}

http.createServer(handle).listen(8080);
