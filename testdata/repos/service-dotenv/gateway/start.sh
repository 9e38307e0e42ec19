#!/bin/sh
# Start the app under the OpenTelemetry launcher.
exec opentelemetry-instrument \
  uvicorn --host 0.0.0.0 --port 8000 app:app
