const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('cart');

function work() {
  tracer.startSpan('loadCart').end();
  tracer.startSpan('priceCart').end();
}
