export async function cartIsServed() {
  const res = await fetch('http://localhost:3000/api/cart');
  return res.ok;
}
