// A React hook: it runs in the page, where no OpenTelemetry SDK runs.
import { useEffect, useState } from 'react';

export function useCart() {
  const [items, setItems] = useState<string[]>([]);
  useEffect(() => {
    fetch('/api/cart').then((r) => r.json()).then(setItems);
  }, []);
  return items;
}
