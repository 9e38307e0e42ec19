// A page module: the component runs in the browser, getServerSideProps on the server, where
// HTTP instrumentation does not cover fetch.
import { useState } from 'react';

export default function Orders(props: { orders: string[] }) {
  const [orders] = useState(props.orders);
  return orders.join(', ');
}

export async function getServerSideProps() {
  const res = await fetch('http://orders:8080/orders'); // expect: outbound-not-injected
  return { props: { orders: await res.json() } };
}
