// fetch without undici instrumentation, but the request carries a traceparent header built by
// hand from the active span.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { context, trace } = require('@opentelemetry/api');

const sdk = new NodeSDK();
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

function traceparent() {
  const sc = trace.getSpan(context.active()).spanContext();
  return `00-${sc.traceId}-${sc.spanId}-01`;
}

async function rates() {
  return fetch('http://rates/usd', { headers: { 'traceparent': traceparent() } });
}

module.exports = { rates };
