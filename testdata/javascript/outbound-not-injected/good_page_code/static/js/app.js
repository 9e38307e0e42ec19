// Browser script served as is: the page runs no OpenTelemetry SDK, so its request starts the
// server's trace and has nothing to propagate.
async function loadCart() {
  const res = await fetch('/api/cart');
  document.getElementById('cart').textContent = JSON.stringify(await res.json());
}
window.addEventListener('load', loadCart);
