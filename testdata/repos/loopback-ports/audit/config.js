module.exports = { port: Number(process.env.AUDIT_PORT) };
