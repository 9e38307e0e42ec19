// A suppression that says why.
const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('orders');

function audit(entry) {
  tracer.startSpan('audit'); // tracewire: ignore[span-not-ended] ended by the audit pool
}
