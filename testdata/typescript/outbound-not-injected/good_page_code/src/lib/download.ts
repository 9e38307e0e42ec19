'use client';
// A module marked as page code.
export async function download(id: string) {
  const res = await fetch(`/api/traces/${id}`);
  return res.blob();
}
