"""The wire format: JSON-ready data in and out, its JSON Schema; imports only the model."""
