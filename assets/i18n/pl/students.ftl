## students: Polish
