## grading: Ukrainian

grading-score-excellent = Чудово
grading-score-good = Добре
grading-score-partly = Частково правильно
grading-score-start = Добрий початок
grading-score-not-yet = Ще ні
grading-score-line = { $words }: { $percent }
grading-quoted = «{ $text }»

grading-verdict-found = знайдено
grading-verdict-partly = знайдено частково
grading-verdict-missed = пропущено
grading-why-wrong-label = { $verdict } (правильне місце, неправильна мітка)
grading-why-partner-missing = { $verdict } (бракує другої сторони цієї суперечності)
grading-why-part-of-core = { $verdict } (лише частина)
grading-not-counted = не зараховано: забагато виділено

grading-flooded = Забагато виділено: ти виділяєш { $marked } тексту, де немає відповіді, тож оцінку обмежено до { $cap }. Виділяй лише те, що важливо.
grading-flooded-hidden = Забагато виділено: ти виділяєш { $marked } тексту, де немає відповіді, тож оцінку обмежено до { $cap } і жоден фрагмент ключа не показано. Виділяй лише те, що важливо.
grading-detail = { $precision } того, що ти виділяєш, є в ключі · ти знаходиш { $recall } ключа
grading-detail-terms = Точність { $precision } · повнота { $recall }

grading-progress-not-started = не розпочато
grading-progress-in-progress = триває
grading-progress-done = готово
grading-progress-answered = відповідь дано
grading-progress-solution = розв'язок показано
grading-progress-checked = перевірено: { $percent }
grading-progress-solution-checked = розв'язок показано (перевірено: { $percent })

grading-result-answered = відповідь дано
grading-result-to-do = зробити
grading-result-score = { $percent } { $words }
grading-result-not-checked = ще не перевірено
grading-result-done = готово

grading-lesson-score = Оцінка за урок: { $percent } ({ $words })
grading-lesson-score-so-far = Оцінка за урок поки що: { $percent } — перевірено { $checked } з { $total ->
        [one] { $total } кроку
       *[other] { $total } кроків
    }; неперевірений крок рахується як 0, доки ти його не перевіриш

grading-review-not-checked = Крок { $n } — { $title }: не перевірено, тож про його відповіді нічого не показано. Повернися й натисни «Перевірити».
grading-review-choice = Крок { $n } — { $title }: прочитай пояснення до кожної відповіді.
grading-review-flooded = Крок { $n } — { $title }: забагато виділено, тож жоден фрагмент ключа не показано.
grading-review-not-counted = не зараховано (забагато виділено)
grading-review-key = Крок { $n } — { $verdict } { $quote }: { $explanation }
grading-review-key-hidden = Крок { $n } — фрагмент ключа { $key } { $verdict }: ще не показано, спробуй ще раз або покажи розв'язок.
