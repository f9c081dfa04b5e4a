"""Domain core: models, database, rules and file formats. Never imports Qt."""
