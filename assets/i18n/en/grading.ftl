## grading: English, the source language
