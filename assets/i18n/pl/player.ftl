## player: Polish
