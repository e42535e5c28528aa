## teacher: Ukrainian. The teacher's view: the banner, the lesson editor, "Import an article".
## The teacher is addressed with "ви".

## The banner and the view without a lesson open.

teacher-heading = Режим учителя
teacher-intro = Відкрийте урок угорі, щоб редагувати його, або створіть новий на основі статті. Уроки — це звичайні текстові файли; див. docs/lesson-format.md.
teacher-banner = РЕЖИМ УЧИТЕЛЯ: редагування уроків
teacher-open = Відкрити:
teacher-open-lesson =
    .hover = Редагувати цей урок
teacher-import-button = Імпортувати статтю…
teacher-class-button = Результати класу…
    .hover = Оцінити файли результатів учнів і переглянути результати класу
teacher-hide-students = Приховати список учнів
    .hover = Учні вводять своє ім'я, а не вибирають його зі списку. Хто знає чиєсь ім'я, все одно може його ввести: див. docs/teacher-guide.md.
teacher-new-lesson-on = Стаття для нового уроку
teacher-new-lesson = Новий урок

## Opening a lesson.

teacher-could-not-read = Не вдалося прочитати { $path }
teacher-bundled-copy = Цей урок постачається з програмою: введіть, куди зберегти власну копію.
teacher-cannot-edit = { $path } не можна редагувати в програмі: { $error }

## The lesson editor: the steps on the left.

teacher-lesson-title = Назва уроку
teacher-may-retry = Учні можуть пробувати знову
teacher-may-show-solution = Учні можуть переглянути розв'язок
teacher-steps = Кроки
teacher-move-up = ↑ Вгору
teacher-move-down = ↓ Вниз
teacher-delete-step = Видалити крок
teacher-add-step = Додати крок:
teacher-add-read = + Читання
teacher-add-bias = + Упередженість
teacher-add-machine = + Машина
teacher-add-conflict = + Суперечність
teacher-add-choice = + Вибір
teacher-add-reflect = + Роздуми
teacher-add-investigate = + Розслідування

teacher-kind-read = читання
teacher-kind-bias = упередженість
teacher-kind-machine = машина
teacher-kind-conflict = суперечність
teacher-kind-choice = вибір
teacher-kind-reflect = роздуми
teacher-kind-investigate = розслідування

# Step titles students see: the informal "ти" form.
teacher-new-step-read = Прочитай
teacher-new-step-highlight = Знайди це
teacher-new-step-choice = Твій вибір
teacher-new-step-reflect = Твоя відповідь
teacher-new-step-investigate = Хто за цим стоїть?

## The lesson editor: saving, previewing and the problems on the right.

teacher-save-to = Зберегти в (файл .md):
teacher-save = Зберегти
teacher-preview-as-student = Переглянути як учень
teacher-close = Закрити режим учителя
teacher-unsaved = Незбережені зміни
teacher-no-problems = ✓ Проблем немає: урок проходить lateral check.
teacher-problem-count = { $errors ->
        [one] { $errors } помилка
        [few] { $errors } помилки
       *[many] { $errors } помилок
    }, { $warnings ->
        [one] { $warnings } попередження
        [few] { $warnings } попередження
       *[many] { $warnings } попереджень
    }
teacher-problem-line = { $kind ->
        [step-error] цей крок, рядок { $line }: { $message }
        [step-warning] цей крок, попередження, рядок { $line }: { $message }
        [warning] попередження, рядок { $line }: { $message }
       *[error] рядок { $line }: { $message }
    }
teacher-save-where = Спершу введіть, куди зберегти урок (шлях, що закінчується на .md).
teacher-saved = Збережено { $path }. Урок проходить lateral check.
teacher-saved-download = Завантажено { $name }: покладіть файл у теку уроків. { $n ->
    [0] Урок проходить lateral check.
    [one] Залишилася { $n } проблема, яку треба виправити (список праворуч).
    [few] Залишилося { $n } проблеми, які треба виправити (список праворуч).
   *[many] Залишилося { $n } проблем, які треба виправити (список праворуч).
}
teacher-saved-with-errors = { $n ->
        [one] Збережено { $path }, але лишилася { $n } проблема, яку треба виправити (список праворуч).
        [few] Збережено { $path }, але лишилися { $n } проблеми, які треба виправити (список праворуч).
       *[many] Збережено { $path }, але лишилося { $n } проблем, які треба виправити (список праворуч).
    }
teacher-save-failed = Не вдалося зберегти { $path }: { $error }
teacher-preview-refused = Перш ніж переглядати урок, виправте проблеми, наведені праворуч.
teacher-preview-student = Перегляд

## The lesson editor: the selected step in the middle.

teacher-no-steps = У цьому уроці ще немає кроків: додайте крок ліворуч.
teacher-step-has-problems = Цей крок має проблеми (список праворуч); виправте їх, щоб редагувати тут фрагменти ключа.
teacher-choice-in-file = Варіанти кроку вибору редагуються у файлі уроку (розділи [[option]]): див. docs/lesson-format.md.
teacher-step-heading = Крок { $n }
teacher-step-title = Назва кроку
teacher-instructions = Завдання (Markdown)
teacher-instructions-preview = Попередній перегляд
teacher-highlight-to-add = Виділіть фрагмент статті, щоб додати його до ключа відповідей (завдання: { $task }).
teacher-fix-step-first = Перш ніж додавати фрагменти ключа, виправте проблеми в цьому кроці.
teacher-key-added = Додано фрагмент `{ $id }`: напишіть нижче його пояснення.
teacher-key-spans = Фрагменти ключа ({ $n })

## One key span.

teacher-delete-key = Видалити фрагмент { $n }
teacher-key-explanation = Пояснення фрагмента { $n }
teacher-key-hints = Підказки до фрагмента { $n } (по одній у рядку)
teacher-key-label = мітка фрагмента { $n }
teacher-key-pair = пара фрагмента { $n }
teacher-key-extent = межі фрагмента { $n }
teacher-extent-exact = точно
teacher-extent-sentence = речення
teacher-extent-paragraph = абзац
teacher-key-points = бали:{ " " }

## Import an article.

teacher-import-title = Імпортувати статтю
teacher-import-help = З файлу .txt, .md або .html (виберіть його, введіть шлях до нього або перетягніть його на це вікно) або вставте текст нижче. Слова зберігаються без змін. Зі збереженої вебсторінки (.html) лишається тільки стаття, як її показує режим читання браузера, а поля заповнюються тим, що сторінка каже про себе. Завдання H5P «Mark the Words» (.h5p або content.json) стає статтею та уроком.
teacher-import-file = Файл:
teacher-import-choose = Вибрати файл…
    .hover = Виберіть файл у діалоговому вікні; його буде прочитано одразу
teacher-import-waiting = Очікування вікна вибору файлу…
teacher-import-read = Прочитати файл
teacher-import-paste = Або вставте текст:
teacher-import-about = Про статтю (що бачать учні, коли читають латерально)
teacher-import-fictional = Вигадана (написана для навчання)
teacher-import-add = Додати до корпусу
teacher-import-id = Id (коротка назва)
teacher-import-outlet = Видання
teacher-import-headline = Заголовок
teacher-import-outlet-kind = Тип видання
teacher-import-date = Дата (РРРР-ММ-ДД)
teacher-import-byline = Автор (підпис)
teacher-import-came-from = Джерело
teacher-import-missing-id = бракує: коротка назва, напр. courier-flood-wall
teacher-import-missing-outlet = бракує: хто це опублікував, як назвав би його читач
teacher-import-missing-headline = бракує: заголовок у тому вигляді, у якому його опубліковано
teacher-import-missing-outlet-kind = бракує: один рядок про те, хто керує виданням або фінансує його

teacher-field-headline = заголовок
teacher-field-outlet = видання
teacher-field-outlet-kind = тип видання
teacher-field-byline = автор
teacher-field-date = дата
teacher-field-language = мова
teacher-field-url = адреса

teacher-import-read-words = { $n ->
        [one] Прочитано { $n } слово.
        [few] Прочитано { $n } слова.
       *[many] Прочитано { $n } слів.
    }
teacher-import-found = Сторінка вказала: { $fields }.
teacher-import-still-missing = Ще треба заповнити: { $fields }.
teacher-import-check = Перевірте текст, а потім додайте його.
teacher-import-bad-date = `{ $date }` — не справжня дата: напишіть її, наприклад, так: 2024-03-02
teacher-import-added = { $path } додано до корпусу.
teacher-import-downloaded = Завантажено { $txt } і { $toml }: покладіть обидва файли в теку corpus поруч з уроками. До перезавантаження сторінки стаття є й у бібліотеці цієї вкладки, для нового уроку.
teacher-import-id-taken = Стаття з id `{ $id }` уже є в бібліотеці: виберіть інший id.
teacher-import-downloaded-only = Завантажено { $txt } і його метадані, але статтю не вдалося додати до бібліотеки цієї вкладки: { $error }
teacher-import-not-added = Не додано: { $error }
teacher-import-failed = Не імпортовано: { $error }
teacher-import-h5p-web = Це завдання H5P. Його імпорт записує статтю й урок у ваші теки, чого сторінка в браузері не вміє: імпортуйте його в застосунку для комп’ютера.
teacher-import-h5p-done = Імпортовано з H5P: напишіть пояснення, а потім натисніть «Зберегти».
teacher-import-h5p-counts = Імпортовано { $words ->
        [one] { $words } слово
        [few] { $words } слова
       *[many] { $words } слів
    } і { $marked ->
        [one] { $marked } позначене слово
        [few] { $marked } позначені слова
       *[many] { $marked } позначених слів
    }.
