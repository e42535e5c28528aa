## summary: Polish

summary-heading = { $title }: podsumowanie
summary-exam = To sprawdzian: nauczyciel oceni go na podstawie oddanego pliku.
summary-review = Co powtórzyć
summary-nothing-to-review = Nic: znaleziono każdy fragment z klucza.
summary-hand-in =
    Oddaj
    .hover = Zapisz plik z wynikami w { $folder }
summary-hand-in-as = Oddaj jako…
summary-back-to-lesson = Wróć do lekcji
summary-back-to-lessons = Wróć do listy lekcji
summary-handed-in = Oddane: twoje wyniki zapisano jako { $file }. Daj ten plik nauczycielowi.
summary-hand-in-failed = Nie udało się oddać do { $file }: { $reason }
