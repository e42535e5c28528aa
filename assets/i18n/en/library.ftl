## library: English, the source language
