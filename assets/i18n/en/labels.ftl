## labels: English, the source language. Lateral's own labels (src/lesson/labels.rs, which must match),
## shown in the UI's language; a lesson's own labels are shown as the lesson writes them.

label-loaded-word = Loaded word
    .description = A word chosen to make the reader feel something, where a neutral word would do.
label-framing-headline = Framing headline
    .description = A headline that tells the reader how to see the story before the facts do.
label-naming = Naming
    .description = Names, titles and spellings that take a side (which spelling of a name or a city, who gets a title).
label-one-sided-sourcing = One-sided sourcing
    .description = Only one side is quoted or named as a source, or one side gets the last word.
label-editorial-context = Editorial context
    .description = What the page around the article promotes: related stories, features, ads.
label-ownership = Ownership and funding
    .description = Who owns or funds the outlet, as the page itself shows it.
label-disclosure = Disclosure
    .description = The page says a machine wrote or rewrote the text.
label-fabricated-quote = Fabricated quote
    .description = A quote the text itself shows to be made up: its stated source does not contain it, or the page admits it is invented.
label-garbled-phrasing = Garbled phrasing
    .description = Words swapped or mistranslated so the meaning breaks (a sign of machine rewriting).
label-source-mismatch = Source mismatch
    .description = The text contradicts the source it names, or names two sources for one story.
label-template-residue = Template residue
    .description = Leftovers of a template or a generator: unfinished sentences, empty slots, fused words.
label-unedited-error = Unedited error
    .description = A mistake no human editor would leave: wrong capitals, stray punctuation, a missing quote mark.
