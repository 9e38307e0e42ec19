// A test calls the service with fetch: not a production outbound call.
const { trace } = require('@opentelemetry/api');
const { test } = require('node:test');

test('serves', async () => {
  const span = trace.getTracer('test').startSpan('call');
  await fetch('http://127.0.0.1:8080/');
  span.end();
});
