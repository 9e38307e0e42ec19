// HTTP instrumentation patches Node's http module, not the built-in fetch (undici), and no
// gRPC or Kafka instrumentation is installed.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');

const sdk = new NodeSDK({ instrumentations: [new HttpInstrumentation()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

const grpc = require('@grpc/grpc-js');
const axios = require('axios');
const { Kafka } = require('kafkajs');
const { CurrencyServiceClient } = require('./gen/currency_grpc_pb');

const currency = new CurrencyServiceClient('currency:7000', grpc.credentials.createInsecure()); // expect: outbound-not-injected
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

async function checkout(order) {
  const rates = await fetch('http://rates/usd'); // expect: outbound-not-injected
  await axios.post('http://payments/charge', order);
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify(order) }] }); // expect: outbound-not-injected
  return rates;
}

module.exports = { checkout, currency };
