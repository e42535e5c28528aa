## students: Polish. The student picker (students are addressed with "ty").

students-title = Kto dziś czyta?
students-pick = Wybierz swoje imię:
students-or-type = Albo wpisz nowe imię:
students-type-to-start = Wpisz swoje imię, aby zacząć. Pod nim twoja praca zapisuje się na tym komputerze.
students-name-label = Imię:
students-start = Zacznij
students-privacy = Bez haseł: na wspólnym laptopie wybieraj tylko swoje imię. Nic nie wychodzi poza ten komputer.

## Why a name typed cannot be used

students-name-empty = Najpierw wpisz imię.
students-name-too-long = { $max ->
        [one] To imię jest za długie (najwyżej { $max } litera).
        [few] To imię jest za długie (najwyżej { $max } litery).
       *[many] To imię jest za długie (najwyżej { $max } liter).
    }
students-name-invisible = Imię nie może zawierać niewidocznego znaku { $char }.
