import express from "express";

const app = express();
app.get("/items", (_req, res) => res.json([]));
app.listen(8000);
