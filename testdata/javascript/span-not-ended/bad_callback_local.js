// A retry callback whose span is its own local: nothing ends it.
const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('orders');

function callWithRetry(fn, attempts) {
  const beforeSleep = () => {
    let sleepSpan;
    sleepSpan = tracer.startSpan('waiting to retry'); // expect: span-not-ended
    sleepSpan.setAttribute('retry', true);
  };
  for (let i = 0; i < attempts; i++) {
    try {
      return fn();
    } catch (e) {
      beforeSleep();
    }
  }
  return null;
}

module.exports = { callWithRetry };
