// Names with bounded holes: the method, constants from another module, a topic read once.
import { trace, SpanKind } from '@opentelemetry/api';
import { SpanNames, orderPath } from './names';

const tracer = trace.getTracer('orders');
const topic = process.env.ORDERS_TOPIC;
type Status = 'paid' | 'shipped';

function serve(req: { method: string }) {
  return tracer.startActiveSpan(`${req.method} /orders/:id`, { kind: SpanKind.SERVER }, (span) => {
    span.end();
  });
}

function load() {
  const span = tracer.startSpan(`${SpanNames.loadPath}.db`);
  span.end();
  const other = tracer.startSpan('list ' + orderPath);
  other.end();
}

function publish(status: Status) {
  const span = tracer.startSpan(`publish ${topic}`, { kind: SpanKind.PRODUCER });
  span.end();
  const s = tracer.startSpan(`order.${status}`);
  s.end();
}

export { serve, load, publish };
