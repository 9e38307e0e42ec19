const grpc = require('@grpc/grpc-js');
const { trace } = require('@opentelemetry/api');
const { CurrencyServiceClient } = require('./gen/currency_grpc_pb');

const tracer = trace.getTracer('checkout');
const currency = new CurrencyServiceClient('currency:7000', grpc.credentials.createInsecure());

async function checkout() {
  return tracer.startActiveSpan('checkout', async (span) => {
    try {
      return await fetch('http://rates/usd');
    } finally {
      span.end();
    }
  });
}

module.exports = { checkout, currency };
