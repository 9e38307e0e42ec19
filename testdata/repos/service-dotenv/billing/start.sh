#!/bin/sh
# exec opentelemetry-instrument uvicorn app:app
exec uvicorn --host 0.0.0.0 --port 8000 app:app
