import express from "express";

const SERVICES = {
  api: "http://api:8000/items",
  search: "https://search.example.com/q",
} as const;

async function fetchFromService(service: keyof typeof SERVICES) {
  const url = SERVICES[service];
  return fetch(url, { method: "GET" });
}

const app = express();
app.get("/", async (_req, res) => {
  const items = await fetchFromService("api");
  res.json(await items.json());
});
app.listen(8080);
