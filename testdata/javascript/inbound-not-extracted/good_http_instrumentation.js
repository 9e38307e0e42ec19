// HTTP, gRPC and Kafka instrumentation extract for every server of the service.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { ExpressInstrumentation } = require('@opentelemetry/instrumentation-express');
const { GrpcInstrumentation } = require('@opentelemetry/instrumentation-grpc');
const { KafkaJsInstrumentation } = require('@opentelemetry/instrumentation-kafkajs');

const sdk = new NodeSDK({
  instrumentations: [
    new HttpInstrumentation(),
    new ExpressInstrumentation(),
    new GrpcInstrumentation(),
    new KafkaJsInstrumentation(),
  ],
});
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

const express = require('express');
const grpc = require('@grpc/grpc-js');
const { Kafka } = require('kafkajs');

const app = express();
app.get('/cart', (req, res) => res.json([]));
app.listen(8080);

const server = new grpc.Server();
server.bindAsync('0.0.0.0:7070', grpc.ServerCredentials.createInsecure(), () => {});

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'carts' });
