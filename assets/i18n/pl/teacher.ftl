## teacher: Polish
