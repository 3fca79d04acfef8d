"""The office side without Qt: signing in to the server, editing and publishing the catalogue."""
