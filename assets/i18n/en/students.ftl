## students: English, the source language
