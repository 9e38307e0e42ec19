const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('cart');

function work() {
  tracer.startSpan('loadCart').end(); // expect: span-name-style
  tracer.startSpan('price_cart').end();
}
