"""The office window (``kompassen --office``): the coordinator's desktop; never imports gui.field."""
