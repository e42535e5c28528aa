## summary: English, the source language

summary-heading = { $title }: summary
summary-exam = This is an exam: your teacher grades it from the file you hand in.
summary-review = What to review
summary-nothing-to-review = Nothing: every key passage was found.
summary-hand-in =
    Hand in
    .hover = Save your results file in { $folder }
summary-hand-in-as = Hand in as…
summary-back-to-lesson = Back to the lesson
summary-back-to-lessons = Back to lessons
summary-handed-in = Handed in: your results are saved as { $file }. Give this file to your teacher.
summary-hand-in-failed = Could not hand in to { $file }: { $reason }
