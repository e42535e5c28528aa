## player: Ukrainian

player-hand-in =
    Здати
    .hover = Збережи файл із результатами для вчителя
player-check = Перевірити
player-labels = Мітки:
player-label-selected = Вибране виділення:
player-label-new = Нові виділення отримують:
player-pick-label = Вибери мітку (клавіші 1–9):
player-remove-highlight = Прибрати виділення
player-undo = Скасувати
player-redo = Повторити
player-hint = Підказка
player-retry-keep = Ще раз (залишити виділення)
player-retry-over = Ще раз (спочатку)
player-show-solution = Показати розв'язок
player-finish-next = Завершити урок ▶
player-next-step = Наступний крок ▶
player-previous-step = ◀ Попередній крок
player-about-lesson = Про цей урок
player-step-label = Крок { $n }: { $title } — { $state }
player-finish = Завершити урок
player-choice-checked = Твою відповідь перевірено: результати пояснюють чому. Спробуй ще раз, щоб її змінити.
player-choice-many = Вибери всі відповіді, що підходять:
player-choice-one = Вибери одну відповідь:
player-your-answer = Твоя відповідь:
player-answer-hint = Напиши відповідь тут. Вона зберігається під час введення і здається разом із результатами.
player-words-min =
    { $words ->
        [one] { $words } слово
        [few] { $words } слова
       *[many] { $words } слів
    } (потрібно щонайменше { $min_words })
player-words =
    { $words ->
        [one] { $words } слово
        [few] { $words } слова
       *[many] { $words } слів
    }
player-cannot-play = Цей урок має помилки, і його не можна запустити; їх перелічено під ним.
player-default-student = Учень
player-work-damaged = Не вдалося прочитати збережену роботу з цього уроку ({ $problem }). Її збережено як { $file }, а урок починається наново.
player-checked-labels-kept = Цей крок перевірено, тож виділення зберігають свої мітки.
player-next-label = Жодне виділення не вибрано: наступні виділення отримають мітку «{ $key } { $name }».
player-reloaded = Урок змінився на диску й завантажився знову; твою роботу збережено.
player-line-message = рядок { $line }: { $message }
player-reload-errors = Файл уроку змінився на диску й тепер має помилки ({ $first }). Можеш працювати далі; урок завантажиться знову, коли файл виправлять.
player-reload-gone = Файл уроку видалили або перейменували. Можеш працювати далі з тим, що відкрито.
player-hints = Підказки
player-results = Результати
player-solution-shown = Розв'язок показано.
player-for-teachers = Для вчителя: { $terms }
player-show-passage = Показати цей фрагмент у статті
player-not-shown = Ще не показано: спробуй ще раз або покажи розв'язок.
player-not-in-key = ? Немає в ключі ({ $n })
player-extra-near = { $quote } — близько: це в тому самому реченні, що й фрагмент ключа
player-cards-intro = Перевір: перш ніж судити, відкрий потрібні картки.
player-cards-about = Про: { $outlet }
player-card-close = Закрити цю картку
player-card-open = Відкрити цю картку
player-card-source = Джерело: { $source }

article-accessible = Стаття: { $headline }
article-no-date = на сторінці немає дати
article-byline = автор: { $byline }
article-fictional = вигаданий текст, написаний для навчання
article-teacher-note = Примітка для вчителя (учні її не бачать): { $note }
article-imported-from = Імпортовано з файлу { $file }
article-tab = Стаття { $n } · { $outlet }
article-caret = Курсор клавіатури на «{ $word }»
article-label-n = мітка { $n }
article-no-label = без мітки
article-highlight = виділення { $n } з { $total }: { $label }, «{ $text }»
