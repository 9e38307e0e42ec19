import * as grpc from '@grpc/grpc-js';
import { trace } from '@opentelemetry/api';
import { CurrencyServiceClient } from './gen/currency_grpc_pb';

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

export { checkout, currency };
