export async function checkoutIsServed() {
  const res = await fetch('http://localhost:3000/api/checkout');
  return res.ok;
}
