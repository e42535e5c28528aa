## labels: Polish
