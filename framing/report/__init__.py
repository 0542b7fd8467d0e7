"""Report: the Briefing JSON in, documents out (the template context, charts, the template
catalog, HTML/PDF/Markdown rendering and what keeps them offline). Reads models only."""
