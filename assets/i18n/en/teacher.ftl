## teacher: English, the source language
