## labels: English, the source language
