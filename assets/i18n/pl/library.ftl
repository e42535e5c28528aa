## library: Polish
