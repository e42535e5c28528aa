## player: English, the source language
