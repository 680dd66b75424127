"""Business rules of the satisfaction app, split by concern (survey, imports, publication, complaints)."""
