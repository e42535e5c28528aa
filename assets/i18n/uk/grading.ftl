## grading: Ukrainian
