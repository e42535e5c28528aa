## grading: Polish
