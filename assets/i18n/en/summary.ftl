## summary: English, the source language
