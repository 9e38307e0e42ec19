import os

from kafka import KafkaConsumer

consumer = KafkaConsumer(os.environ["AUDIT_TOPIC"], bootstrap_servers="kafka:9092")

if __name__ == "__main__":
    for message in consumer:
        print(message.value)
