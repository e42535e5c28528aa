## class: Polish
