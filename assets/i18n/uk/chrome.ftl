## chrome: Ukrainian. The top bar, the keyboard help, the teacher PIN dialog, file dialogs,
## notices of the run loop, and what screen readers are told after Check. Students are addressed
## with "ти"; the teacher's dialogs with "ви".

## Top bar

chrome-student = Учень: { $student }
chrome-switch-student = Змінити учня
chrome-teacher-view = Режим вчителя
    .hover = Редагування уроків і огляд класу (потрібен PIN вчителя)
chrome-back-to-editing = ◀ Назад до редагування
    .hover = Вийти з попереднього перегляду (Escape)
chrome-back-to-lessons = ◀ Уроки
    .hover = Назад до списку уроків (Escape)
chrome-leave-teacher = ◀ Вийти з режиму вчителя
    .hover = Повернутися туди, звідки його відкрили (Escape)
chrome-preview-as-student = Перегляд очима учня
chrome-keyboard-help = Клавіші
    .hover = Усі гарячі клавіші (F1 або ?)
chrome-about = Про програму
    .hover = Версія, ліцензії та місце, де зберігаються роботи учнів
chrome-zoom = Масштаб { $percent }
    .hover = Ctrl + і Ctrl − збільшують або зменшують усе; Ctrl 0 повертає 100 %
chrome-text-size = Текст { $size }
chrome-smaller-text = Менший текст для читання
chrome-larger-text = Більший текст для читання
chrome-light-theme = Світла тема
chrome-dark-theme = Темна тема

## Keyboard help

chrome-help-title = Гарячі клавіші
chrome-help-everywhere = Усюди
chrome-help-tab = Наступний / попередній елемент у порядку читання
chrome-help-key-enter-or-space = Enter або пробіл
chrome-help-press = Натиснути кнопку, що у фокусі
chrome-help-escape = Назад на один рівень; у текстовому полі спершу виходить із поля; закриває діалог
chrome-help-zoom = Збільшити / зменшити все вікно / повернути 100 % (запам’ятовується для тебе)
chrome-help-key-f1 = F1 або ?
chrome-help-this-help = Ця довідка
chrome-help-in-article = У статті (перейди до неї клавішею Tab; коли вона у фокусі, довкола неї рамка)
chrome-help-word = Пересунути курсор на одне слово
chrome-help-sentence = Пересунути курсор на одне речення
chrome-help-key-shift-arrows = Shift + стрілки
chrome-help-extend = Розширити позначений текст від курсора
chrome-help-highlight = Виділити позначений текст або слово під курсором
chrome-help-key-delete = Delete або Backspace
chrome-help-remove = Прибрати виділення під курсором
chrome-help-cancel-selection = Скасувати позначення з Shift (якщо його немає: назад на один рівень)
chrome-help-in-lesson = В уроці (не під час введення в текстовому полі)
chrome-help-label = Вибрати мітку; її отримає вибране виділення
chrome-help-check = Перевірити крок
chrome-help-hint = Показати підказку
chrome-help-steps = Наступний / попередній крок (N на останньому кроці: підсумок)
chrome-help-undo = Скасувати / повторити
chrome-help-close = Закрити
    .hover = Закрити довідку (Escape)

## Вікно «Про програму».

chrome-about-title = Про Lateral
chrome-about-version = Версія { $version }
chrome-about-what = Уроки медіаграмотності на справжніх новинних текстах. Lateral працює без інтернету й ніколи не звертається до мережі.
chrome-about-data = Роботи учнів і налаштування зберігаються на цьому комп’ютері, у теці:
chrome-about-licence = Вільне програмне забезпечення за ліцензією MIT або Apache-2.0 (LICENSE-MIT, LICENSE-APACHE). Ліцензії бібліотек, з яких його зібрано, — у файлі THIRD-PARTY-LICENSES.txt, що встановлюється разом із програмою.

## The teacher PIN dialog

chrome-pin-set-title = Встановіть PIN вчителя
chrome-pin-set-intro = Режим вчителя показує всі ключі відповідей. Виберіть PIN від { $min } до { $max } цифр: його питатимуть щоразу, коли відкривається режим вчителя.
chrome-pin-title = PIN вчителя
chrome-pin-prompt = Введіть PIN вчителя, щоб відкрити режим вчителя.
chrome-pin-new-label = Новий PIN:
chrome-pin-label = PIN:
chrome-pin-again-label = PIN ще раз:
chrome-pin-set-and-open = Встановити PIN і відкрити
chrome-pin-open = Відкрити режим вчителя
chrome-pin-cancel = Скасувати
    .hover = Назад (Escape)
chrome-pin-wrong = Неправильний PIN: режим вчителя залишається закритим. Спробуйте ще раз.
chrome-pin-mismatch = Введені PIN-коди не збігаються. Введіть той самий PIN двічі.
chrome-pin-no-random = PIN не встановлено: система не дала випадкових чисел для його захисту ({ $error }). Спробуйте ще раз.
chrome-pin-not-digits = PIN складається з { $min }–{ $max } цифр (0–9) і нічого іншого.
chrome-pin-wrong-length = PIN має від { $min } до { $max } цифр, а введений має { $n }.
chrome-pin-forgot = Забули PIN? Закрийте застосунок, видаліть файл налаштувань { $file } і наступного разу встановіть новий PIN. (Розмір тексту й тема повернуться до типових; роботи учнів збережуться.)
chrome-pin-forgot-web = Забули PIN? Відкрийте інструменти розробника в браузері (F12), далі Застосунок → Локальне сховище → ця сторінка, видаліть запис { $entry } і перезавантажте сторінку, щоб установити новий PIN. (Розмір тексту й тема повернуться до типових; роботи учнів збережуться.)

## File dialogs

chrome-dialog-open-lessons = Відкрити папку уроків
chrome-dialog-open-lesson-files = Відкрити файли уроків, їхні статті або екзаменаційний пакет
chrome-dialog-hand-in = Здати: збережи свої результати
chrome-dialog-export-all = Збережи всі свої результати в папку
chrome-dialog-class-folder = Папка з файлами результатів
chrome-dialog-import = Імпортувати статтю
chrome-dialog-filter-articles = Статті та завдання H5P
chrome-dialog-filter-all = Усі файли

## Notices at the top of the window

chrome-save-failed = Не вдалося зберегти твою роботу: { $error }. Не закривай застосунок і скажи про це вчителеві.
chrome-settings-not-saved = Не вдалося зберегти налаштування: { $error }
chrome-open-lessons-failed = Не вдалося відкрити уроки: { $error }
chrome-check-died = Не всі уроки вдалося перевірити; відкрийте папку ще раз.
chrome-watch-failed = Зміни в { $folder } не з’являться, доки ви не відкриєте її знову: { $error }
chrome-reload-failed = Не вдалося перезавантажити уроки: { $error }

## What a screen reader says once a step is checked

chrome-announce-results = Результати перевірки. { $score }.
chrome-announce-key = Фрагмент ключа { $heading }.
chrome-announce-extras = { $n ->
        [one] { $n } виділення поза ключем.
        [few] { $n } виділення поза ключем.
       *[many] { $n } виділень поза ключем.
    }

## The web version (in a browser tab)
chrome-web-storage-off = браузер не дозволяє цій сторінці нічого зберігати
chrome-web-storage-full = сховище браузера для цієї сторінки заповнене
chrome-web-download-refused = браузер не дозволив завантажити файл
