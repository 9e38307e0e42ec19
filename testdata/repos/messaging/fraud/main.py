from kafka import KafkaConsumer

consumer = KafkaConsumer("orders", bootstrap_servers="kafka:9092")

if __name__ == "__main__":
    for message in consumer:
        print(message.value)
