## labels: Polish.

label-loaded-word = Słowo nacechowane
    .description = Słowo wybrane po to, by wzbudzić w czytelniku emocje, tam gdzie wystarczyłoby neutralne.
label-framing-headline = Nagłówek z tezą
    .description = Nagłówek, który mówi czytelnikowi, jak ma widzieć sprawę, zanim zrobią to fakty.
label-naming = Nazewnictwo
    .description = Nazwy, tytuły i pisownia, które opowiadają się po jednej stronie (która pisownia nazwiska lub miasta, kto dostaje tytuł).
label-one-sided-sourcing = Jednostronne źródła
    .description = Cytowana lub wskazana jako źródło jest tylko jedna strona albo jedna strona ma ostatnie słowo.
label-editorial-context = Kontekst redakcyjny
    .description = Co promuje strona wokół artykułu: powiązane teksty, materiały specjalne, reklamy.
label-ownership = Właściciel i finansowanie
    .description = Kto jest właścicielem medium lub je finansuje, tak jak pokazuje to sama strona.
label-disclosure = Ujawnienie
    .description = Strona mówi, że tekst napisała lub przerobiła maszyna.
label-fabricated-quote = Zmyślony cytat
    .description = Cytat, który sam tekst pokazuje jako zmyślony: podane źródło go nie zawiera albo strona przyznaje, że jest wymyślony.
label-garbled-phrasing = Pokręcone sformułowanie
    .description = Słowa zamienione lub źle przetłumaczone tak, że sens się rozpada (znak maszynowego przerabiania).
label-source-mismatch = Niezgodność ze źródłem
    .description = Tekst przeczy źródłu, które podaje, albo podaje dwa źródła jednej historii.
label-template-residue = Resztki szablonu
    .description = Pozostałości szablonu lub generatora: niedokończone zdania, puste pola, zlepione słowa.
label-unedited-error = Błąd bez redakcji
    .description = Błąd, którego nie zostawiłby żaden redaktor: złe wielkie litery, zbędna interpunkcja, brakujący cudzysłów.
