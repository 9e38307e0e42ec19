const { Kafka } = require('kafkajs');

const kafka = new Kafka({ brokers: ['kafka:9092'] });
const consumer = kafka.consumer({ groupId: 'mailer' });

async function main() {
  await consumer.connect();
  await consumer.subscribe({ topic: process.env.MAIL_TOPIC });
  await consumer.run({ eachMessage: async ({ message }) => console.log(message.value) });
}

main();
