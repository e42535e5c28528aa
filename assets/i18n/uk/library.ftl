## library: Ukrainian

library-work-damaged = Не вдалося прочитати збережену роботу з уроку «{ $title }» ({ $problem }). Її збережено як { $file }, а урок починається наново.
library-empty = Тут немає уроків. Уроки — це файли .md, що починаються рядком +++ (див. docs/lesson-format.md).
library-article-problems = Проблеми зі статтями
library-continue =
    Продовжити
    .hover = Продовжити «{ $title }»
library-start =
    Почати
    .hover = Почати «{ $title }»
library-minutes = { $n } хв
library-checking = перевірка…
library-heading = Уроки
library-open-folder = Відкрити папку уроків…
library-open-files = Відкрити файли уроків…
library-picked-files = { $n ->
    [one] вибраного файлу
   *[other] { $n } вибраних файлів
}
library-pack-alone = { $n ->
    [one] Екзаменаційний пакет відкривається сам: інший вибраний файл не відкрито.
   *[other] Екзаменаційний пакет відкривається сам: інші вибрані файли ({ $n }) не відкрито.
}
library-no-lessons-picked = { $n ->
    [one] Вибраний файл не є уроком, статтею чи екзаменаційним пакетом.
   *[other] Жоден із вибраних файлів ({ $n }) не є уроком, статтею чи екзаменаційним пакетом.
} Виберіть файли уроків (.md) разом зі статтями (.txt і .toml) або екзаменаційний пакет (.lateral-exam).
library-export-all = Експортувати всі мої результати…
library-bundled = Вбудовані уроки
library-from = з { $folder }
library-exam-title = { $title }  (контрольна: здай, коли закінчиш)
library-steps =
    { $n ->
        [one] { $n } крок
        [few] { $n } кроки
       *[many] { $n } кроків
    } · { $kinds }
library-steps-only =
    { $n ->
        [one] { $n } крок
        [few] { $n } кроки
       *[many] { $n } кроків
    }
library-progress =
    Твій поступ: виконано { $done } з { $total ->
        [one] { $total } кроку
       *[other] { $total } кроків
    }
library-lesson-problems =
    { $n ->
        [one] Цей урок має { $n } помилку, і його ще не можна запустити:
        [few] Цей урок має { $n } помилки, і його ще не можна запустити:
       *[many] Цей урок має { $n } помилок, і його ще не можна запустити:
    }
library-line-column = { $file }рядок { $line }, стовпець { $column }:
library-exported =
    { $n ->
        [one] Збережено { $n } файл із результатами в { $folder }.
        [few] Збережено { $n } файли з результатами в { $folder }.
       *[many] Збережено { $n } файлів із результатами в { $folder }.
    }
