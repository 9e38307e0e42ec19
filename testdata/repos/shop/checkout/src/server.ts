// The checkout API: places orders and charges them with the payment service.
import express from 'express';
// Mistake: the SDK starts after express was loaded (and it is not preloaded with --require).
import './tracing';
import { trace } from '@opentelemetry/api';
import { Kafka } from 'kafkajs';

const tracer = trace.getTracer('checkout');
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();
const app = express();
app.use(express.json());

app.post('/checkout', async (req, res) => {
  const span = tracer.startSpan('place-order');
  const order = req.body;
  if (!order.items?.length) {
    // Mistake: this return leaves the span open.
    res.status(400).send('empty order');
    return;
  }
  const charge = await fetch('http://payment:8080/charge', {
    method: 'POST',
    body: JSON.stringify(order),
  });
  if (charge.ok) {
    await fetch('http://shipping:8083/quote');
    await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify(order) }] });
  }
  span.end();
  res.status(charge.ok ? 200 : 502).end();
});

producer.connect().then(() => app.listen(8081));
