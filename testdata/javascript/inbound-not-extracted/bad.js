// Framework instrumentation alone does not extract: only HTTP instrumentation creates the
// server span from the incoming traceparent. No gRPC or Kafka instrumentation either.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { ExpressInstrumentation } = require('@opentelemetry/instrumentation-express');

const sdk = new NodeSDK({ instrumentations: [new ExpressInstrumentation()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

const express = require('express');
const grpc = require('@grpc/grpc-js');
const { Kafka } = require('kafkajs');

const app = express();
app.get('/cart', (req, res) => res.json([])); // expect: inbound-not-extracted
app.post('/cart', (req, res) => res.sendStatus(201));
app.listen(8080);

const server = new grpc.Server(); // expect: inbound-not-extracted
server.bindAsync('0.0.0.0:7070', grpc.ServerCredentials.createInsecure(), () => {});

const kafka = new Kafka({ brokers: ['kafka:9092'] });
const consumer = kafka.consumer({ groupId: 'carts' });
consumer.run({ eachMessage: async ({ message }) => handle(message) }); // expect: inbound-not-extracted

function handle() {}
