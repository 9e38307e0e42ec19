// An edge function that traces its own work: its fetch sends the span's trace without context
// (HTTP instrumentation does not cover fetch).
import { trace } from '@opentelemetry/api';

const ENDPOINT = 'http://pageviews:8080/v1/pageview';
const tracer = trace.getTracer('edge');

export default async function handler(request: Request): Promise<Response> {
  return tracer.startActiveSpan('pageview', async (span) => {
    try {
      await fetch(ENDPOINT, { method: 'POST', body: JSON.stringify({ url: request.url }) }); // expect: outbound-not-injected
      return new Response('ok');
    } finally {
      span.end();
    }
  });
}
