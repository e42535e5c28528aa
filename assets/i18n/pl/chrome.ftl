## chrome: Polish
