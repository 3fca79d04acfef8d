"""The office window's report inbox: the reports the tablets sent, their states and answers."""
