"""The office's statistics: suppressed tables, CSV and the lägesrapport, without Qt."""
