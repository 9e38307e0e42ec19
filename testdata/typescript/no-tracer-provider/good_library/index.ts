// A library creates spans; the application that uses it sets up the SDK.
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('@acme/quote-lib');

export function quote() {
  return tracer.startActiveSpan('quote', (span) => {
    try {
      return 42;
    } finally {
      span.end();
    }
  });
};
