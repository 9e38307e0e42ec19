import { trace } from '@opentelemetry/api';
import { buildProvider } from './tracing';

// A look-alike: `register()` is called on a local that holds something else.
const provider = buildProvider();
const registry = buildRegistry();
registry.register();
process.on('SIGTERM', () => provider.shutdown());

const tracer = trace.getTracer('notifications');
setInterval(() => tracer.startActiveSpan('tick', (span) => span.end()), 1000);

function buildRegistry() {
  return { register() {} };
}
