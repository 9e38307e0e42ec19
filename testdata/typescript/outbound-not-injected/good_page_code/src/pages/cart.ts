import { useCart } from '../hooks/useCart';

export default function CartPage() {
  return useCart().join(', ');
}
