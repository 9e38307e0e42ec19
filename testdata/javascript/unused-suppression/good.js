// Suppressions that each cover a finding, with a reason.
const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('orders');

function audit(entry) {
  // tracewire: ignore[span-not-ended] the pool ends audit spans
  tracer.startSpan('audit');
  tracer.startSpan('audit2'); // tracewire: ignore[span-not-ended] same line works too
}
