// Suppressions that cover nothing, or name no rule tracewire has.
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('orders');

// place ends its span: the suppression above it is stale.
function place(order) {
  // tracewire: ignore[span-not-ended] ended by the pool // expect: unused-suppression
  const span = tracer.startSpan('place');
  try {
    save(order);
  } finally {
    span.end();
  }
}

// audit names a rule that does not exist.
function audit(entry) {
  // tracewire: ignore[span-not-endd] typo // expect: unused-suppression
  tracer.startSpan('audit'); // expect: span-not-ended
}
