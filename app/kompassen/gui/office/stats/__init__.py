"""The office statistics view: QPainter charts, the StatsPage and the lägesrapport PDF."""
