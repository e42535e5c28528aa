## class: Polish. The class view: many students' results for one lesson.

class-banner = WYNIKI KLASY (nauczyciel)
class-intro = Wybierz lekcję i folder z plikami wyników uczniów, a potem naciśnij Oceń. Każdy wynik jest liczony od nowa na podstawie podkreśleń; wynikom zapisanym w plikach aplikacja nigdy nie ufa.
class-lesson = Lekcja
class-pick-lesson = wybierz lekcję
class-results-folder = Folder wyników:
class-pick-folder = Wybierz folder…
class-grade = Oceń
class-close = Zamknij widok klasy
class-folder-needed = Wpisz folder z plikami wyników (albo go wybierz).
class-folder-missing = { $path } nie istnieje
class-graded = Oceniono { $students ->
        [one] { $students } ucznia
        [few] { $students } uczniów
       *[many] { $students } uczniów
    }, pominięto { $skipped ->
        [one] { $skipped } plik
        [few] { $skipped } pliki
       *[many] { $skipped } plików
    }{ $problems ->
        [yes] {" "}(zob. problemy poniżej)
       *[no] {""}
    }

## The left panel.

class-steps = Kroki
class-students = Uczniowie
class-whole-class = Cała klasa (mapa cieplna)
class-problems = Problemy

## Above the article.

class-student-highlights = Podkreślenia: { $name }; fragmenty z klucza są obrysowane i ponumerowane.
class-heatmap-caption = Ilu uczniów podkreśliło każde słowo (ciemniej = więcej); fragmenty z klucza są obrysowane i ponumerowane.

## The step's numbers, on the right.

class-student-count = { $n ->
        [one] { $n } uczeń
        [few] { $n } uczniowie
       *[many] { $n } uczniów
    }
class-score-range = { $from }–{ $to } %
class-scores = Wyniki: { $histogram }
class-most-missed = Najczęściej pomijane fragmenty z klucza
class-key-missed = { $number }. „{ $quote }”: pominięty przez { $missed } z { $total }
class-common-extras = Najczęstsze podkreślenia spoza klucza
class-none = Brak.
class-extra-count = „{ $text }”: { $n ->
        [one] { $n } uczeń
        [few] { $n } uczniowie
       *[many] { $n } uczniów
    }

## An investigate step.

class-source-cards = Karty źródeł
class-looked = Otworzyli co najmniej jedną kartę: { $looked } z { $n ->
        [one] { $n } ucznia
        [few] { $n } uczniów
       *[many] { $n } uczniów
    }
class-looked-before = Otworzyli kartę, zanim odpowiedzieli na następne pytanie: { $looked } z { $n } odpowiadających
class-card-opened = „{ $title }”: otwarta przez { $n ->
        [one] { $n } ucznia
        [few] { $n } uczniów
       *[many] { $n } uczniów
    }
