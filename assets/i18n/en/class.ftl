## class: English, the source language
