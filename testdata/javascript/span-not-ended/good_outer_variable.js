// A retry callback stores its span in the caller's variable; the loop around it ends it before
// the next attempt.
const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('orders');

function callWithRetry(fn, attempts) {
  let sleepSpan = null;
  const beforeSleep = () => {
    sleepSpan = tracer.startSpan('waiting to retry');
  };
  for (let i = 0; i < attempts; i++) {
    if (sleepSpan) {
      sleepSpan.end();
      sleepSpan = null;
    }
    try {
      return fn();
    } catch (e) {
      beforeSleep();
    }
  }
  return null;
}

module.exports = { callWithRetry };
