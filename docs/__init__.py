"""The published contracts shipped with the app (``quote.schema.json``); the rest of docs/ is for readers."""
