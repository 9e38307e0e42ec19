// Spans and instrumentation-free routes, but no SDK anywhere: every span is a no-op.
import type { IncomingMessage, ServerResponse } from 'http';
import * as http from 'http';
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('quotes'); // expect: no-tracer-provider

const server = http.createServer((req: IncomingMessage, res: ServerResponse) => { // expect: inbound-not-extracted
  tracer.startActiveSpan('quote', (span) => {
    res.end('42');
    span.end();
  });
});
server.listen(8080);
