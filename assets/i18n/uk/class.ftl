## class: Ukrainian. The class view: many students' results for one lesson.

class-banner = РЕЗУЛЬТАТИ КЛАСУ (учитель)
class-intro = Виберіть урок і папку з файлами результатів учнів, а потім натисніть «Оцінити». Кожен результат обчислюється заново за виділеннями; результатам, записаним у файлах, програма ніколи не довіряє.
class-lesson = Урок
class-pick-lesson = виберіть урок
class-results-folder = Папка результатів:
class-pick-folder = Вибрати папку…
class-grade = Оцінити
class-close = Закрити перегляд класу
class-folder-needed = Введіть папку з файлами результатів (або виберіть її).
class-folder-missing = { $path } не існує
class-graded = Оцінено { $students ->
        [one] { $students } учня
        [few] { $students } учнів
       *[many] { $students } учнів
    }, пропущено { $skipped ->
        [one] { $skipped } файл
        [few] { $skipped } файли
       *[many] { $skipped } файлів
    }{ $problems ->
        [yes] {" "}(див. проблеми нижче)
       *[no] {""}
    }

## The left panel.

class-steps = Кроки
class-students = Учні
class-whole-class = Увесь клас (теплова карта)
class-problems = Проблеми

## Above the article.

class-student-highlights = Виділення: { $name }; фрагменти ключа обведено й пронумеровано.
class-heatmap-caption = Скільки учнів виділили кожне слово (темніше = більше); фрагменти ключа обведено й пронумеровано.

## The step's numbers, on the right.

class-student-count = { $n ->
        [one] { $n } учень
        [few] { $n } учні
       *[many] { $n } учнів
    }
class-score-range = { $from }–{ $to } %
class-scores = Результати: { $histogram }
class-most-missed = Найчастіше пропущені фрагменти ключа
class-key-missed = { $number }. «{ $quote }»: пропущено в { $missed } з { $total ->
        [one] { $total } роботи
        [few] { $total } робіт
       *[many] { $total } робіт
    }
class-common-extras = Найчастіші виділення поза ключем
class-none = Немає.
class-extra-count = «{ $text }»: { $n ->
        [one] { $n } учень
        [few] { $n } учні
       *[many] { $n } учнів
    }

## An investigate step.

class-source-cards = Картки джерел
class-looked = Відкрили хоча б одну картку: { $looked } з { $n ->
        [one] { $n } учня
        [few] { $n } учнів
       *[many] { $n } учнів
    }
class-looked-before = Відкрили картку, перш ніж відповісти на наступне питання: { $looked } з { $n } тих, хто відповів
class-card-opened = «{ $title }»: відкрили учні: { $n }
