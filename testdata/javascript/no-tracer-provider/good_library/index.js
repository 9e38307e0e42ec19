// A library creates spans; the application that uses it sets up the SDK.
const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('@acme/quote-lib');

exports.quote = function quote() {
  return tracer.startActiveSpan('quote', (span) => {
    try {
      return 42;
    } finally {
      span.end();
    }
  });
};
