## summary: Polish
