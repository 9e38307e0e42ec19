// A suppression that says why.
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('orders');

function audit(entry) {
  tracer.startSpan('audit'); // tracewire: ignore[span-not-ended] ended by the audit pool
}
