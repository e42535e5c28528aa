## chrome: English, the source language
